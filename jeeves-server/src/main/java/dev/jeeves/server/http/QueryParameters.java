package dev.jeeves.server.http;

import dev.jeeves.server.support.ProblemException;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;

/** Query parameters read strictly: given once, a whole number in range, or a 400 that says so. */
final class QueryParameters {
    private QueryParameters() {}

    static int integer(ServerRequest req, String name, int fallback, int min, int max) {
        List<String> values = req.query().all(name, List::of);
        if (values.isEmpty()) {
            return fallback;
        }
        if (values.size() > 1) {
            throw ProblemException.badRequest(
                    "query parameter \"" + name + "\" is given " + values.size() + " times; give it once");
        }
        try {
            int value = Integer.parseInt(values.get(0));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("query parameter \"" + name + "\" must be a whole number from " + min + " to "
                + max + ", got \"" + values.get(0) + "\"");
    }
}
