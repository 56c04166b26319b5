package dev.jeeves.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jeeves.server.Json;
import dev.jeeves.server.actions.ActionRouter;
import dev.jeeves.server.actions.Reply;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/**
 * {@code POST /api/messages}: talk to Jeeves without Slack. The same router as Slack events, answered in the
 * response instead of posted.
 *
 * <pre>{@code
 * curl -s localhost:8080/api/messages -H 'Content-Type: application/json' \
 *      -d '{"user":"U123","text":"weather in Paris"}'
 * {"action":"weather","reply":"Paris, France: 12°C (feels like 10°C), light rain, wind 14 km/h"}
 * }</pre>
 */
public final class MessagesService implements HttpService {
    /** Longest message text accepted, in characters (Slack's own limit is larger, but no action needs it). */
    public static final int MAX_TEXT_LENGTH = 4000;

    private final ActionRouter router;

    /** Creates the service. */
    public MessagesService(ActionRouter router) {
        this.router = router;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::post).any("/", Problems.onlyMethods("POST"));
    }

    private void post(ServerRequest req, ServerResponse res) {
        JsonNode body = RequestBodies.readJsonObject(req, RequestBodies.API_LIMIT);
        RequestBodies.onlyFields(body, "a message", List.of("user", "text"));
        String user = UserIds.require(RequestBodies.requiredText(body, "user", 64));
        String text = RequestBodies.requiredText(body, "text", MAX_TEXT_LENGTH);
        Reply reply = router.route(user, text);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(Json.MAPPER
                .createObjectNode()
                .put("action", reply.action())
                .put("reply", reply.text())
                .toString());
    }
}
