package dev.jeeves.server.http;

import dev.jeeves.api.ApiLimits;
import dev.jeeves.api.MessageReply;
import dev.jeeves.api.MessageRequest;
import dev.jeeves.server.actions.ActionRouter;
import dev.jeeves.server.actions.Reply;
import dev.jeeves.server.support.Problems;
import dev.jeeves.server.support.RequestBodies;
import dev.jeeves.server.support.TextFields;
import dev.jeeves.server.support.UserIds;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code POST /api/messages}: talk to Jeeves without Slack. The same router as Slack events, answered in the
 * response instead of posted.
 *
 * <pre>{@code
 * curl -s localhost:8080/api/messages -H "Authorization: Bearer $(jeeves token)" -H 'Content-Type: application/json' \
 *      -d '{"user":"U123","text":"weather in Paris"}'
 * {"action":"weather","reply":"Paris, France: 12°C (feels like 10°C), light rain, wind 14 km/h"}
 * }</pre>
 */
public final class MessagesService implements HttpService {
    private final ActionRouter router;
    private final RequestBodies bodies;

    /** Creates the service. */
    public MessagesService(ActionRouter router, RequestBodies bodies) {
        this.router = router;
        this.bodies = bodies;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::post).any("/", Problems.onlyMethods("POST"));
    }

    private void post(ServerRequest req, ServerResponse res) {
        MessageRequest message = bodies.readJson(req, ApiLimits.MAX_BODY_BYTES, MessageRequest.class);
        String user = UserIds.require(TextFields.required("user", message.user(), ApiLimits.MAX_USER_ID_LENGTH));
        String text = TextFields.required("text", message.text(), ApiLimits.MAX_TEXT_LENGTH);
        Reply reply = router.route(user, text);
        res.send(new MessageReply(reply.action(), reply.text()));
    }
}
