package dev.jeeves.server.http;

import dev.jeeves.api.ActionInfo;
import dev.jeeves.server.actions.ActionRouter;
import dev.jeeves.server.support.Problems;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/**
 * {@code GET /api/actions}: what Jeeves can do, for clients that build their own help.
 *
 * <pre>{@code
 * curl -s localhost:8080/api/actions -H "Authorization: Bearer $(jeeves token)"
 * [{"name":"help","usage":"help [action]","description":"Lists what I can do, or explains one action."}, ...]
 * }</pre>
 */
public final class ActionsService implements HttpService {
    private final List<ActionInfo> actions;

    /** Creates the service. */
    public ActionsService(ActionRouter router) {
        this.actions = router.actions().stream()
                .map(action -> new ActionInfo(action.name(), action.usage(), action.description()))
                .toList();
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list).any("/", Problems.onlyMethods("GET"));
    }

    private void list(ServerRequest req, ServerResponse res) {
        res.send(actions);
    }
}
