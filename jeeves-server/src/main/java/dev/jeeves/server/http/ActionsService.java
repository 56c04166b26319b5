package dev.jeeves.server.http;

import dev.jeeves.server.Json;
import dev.jeeves.server.actions.Action;
import dev.jeeves.server.actions.ActionRouter;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /api/actions}: what Jeeves can do, for clients that build their own help.
 *
 * <pre>{@code
 * curl -s localhost:8080/api/actions -H "Authorization: Bearer $(jeeves token)"
 * [{"name":"help","usage":"help [action]","description":"Lists what I can do, or explains one action."}, ...]
 * }</pre>
 */
public final class ActionsService implements HttpService {
    private final ActionRouter router;

    /** Creates the service. */
    public ActionsService(ActionRouter router) {
        this.router = router;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list).any("/", Problems.onlyMethods("GET"));
    }

    private void list(ServerRequest req, ServerResponse res) {
        var array = Json.MAPPER.createArrayNode();
        for (Action action : router.actions()) {
            array.addObject()
                    .put("name", action.name())
                    .put("usage", action.usage())
                    .put("description", action.description());
        }
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(array.toString());
    }
}
