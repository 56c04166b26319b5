package dev.jeeves.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jeeves.server.Json;
import dev.jeeves.server.storage.AlertStore;
import dev.jeeves.server.storage.SettingsStore;
import dev.jeeves.server.storage.User;
import dev.jeeves.server.storage.UserStore;
import dev.jeeves.server.weather.Place;
import dev.jeeves.server.weather.WeatherService;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /api/users}: list, show, change and delete the people Jeeves knows.
 *
 * <pre>{@code
 * AUTH="Authorization: Bearer $(jeeves token)"
 * curl -s -H "$AUTH" 'localhost:8080/api/users?limit=10'
 * curl -s -H "$AUTH" -X PUT localhost:8080/api/users/U123 -H 'Content-Type: application/json' \
 *      -d '{"name":"Ada","location":"London"}'
 * curl -s -H "$AUTH" -X DELETE localhost:8080/api/users/U123
 * }</pre>
 */
public final class UsersService implements HttpService {
    /** Largest page size. */
    public static final int MAX_LIMIT = 500;

    private static final int DEFAULT_LIMIT = 50;
    private static final List<String> LIST_PARAMETERS = List.of("limit", "offset");
    private static final List<String> FIELDS = List.of("name", "email", "location");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final UserStore users;
    private final SettingsStore settings;
    private final AlertStore alerts;
    private final WeatherService weather;

    /** Creates the service. */
    public UsersService(UserStore users, SettingsStore settings, AlertStore alerts, WeatherService weather) {
        this.users = users;
        this.settings = settings;
        this.alerts = alerts;
        this.weather = weather;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .any("/", Problems.onlyMethods("GET"))
                .get("/{id}", this::show)
                .put("/{id}", this::update)
                .delete("/{id}", this::delete)
                .any("/{id}", Problems.onlyMethods("GET", "PUT", "DELETE"));
    }

    private void list(ServerRequest req, ServerResponse res) {
        for (String name : req.query().names()) {
            if (!LIST_PARAMETERS.contains(name)) {
                // Refused, not ignored: "?limt=5" would otherwise quietly answer 50 users.
                throw ProblemException.badRequest("unknown query parameter \"" + name + "\"; the user list takes "
                        + RequestBodies.quotedList(LIST_PARAMETERS));
            }
        }
        int limit = intParameter(req, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = intParameter(req, "offset", 0, 0, Integer.MAX_VALUE);
        ObjectNode page = Json.MAPPER
                .createObjectNode()
                .put("total", users.count())
                .put("limit", limit)
                .put("offset", offset);
        var array = page.putArray("users");
        users.list(limit, offset).forEach(user -> array.add(summary(user)));
        json(res, Status.OK_200, page);
    }

    private void show(ServerRequest req, ServerResponse res) {
        json(res, Status.OK_200, details(existing(req)));
    }

    private void update(ServerRequest req, ServerResponse res) {
        String id = UserIds.require(req.path().pathParameters().get("id"));
        JsonNode body = RequestBodies.readJsonObject(req, RequestBodies.API_LIMIT);
        RequestBodies.onlyFields(body, "a user", FIELDS);
        if (body.isEmpty()) {
            throw ProblemException.badRequest("nothing to change: give \"name\", \"email\" or \"location\"");
        }
        // Validate everything (and geocode) before writing anything, so a bad field changes nothing.
        String name = optionalText(body, "name", 128);
        String email = optionalText(body, "email", 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw ProblemException.badRequest("field \"email\" is not an email address: \"" + email + "\"");
        }
        String locationName = optionalText(body, "location", 200);
        Place place = locationName == null
                ? null
                : weather.find(locationName)
                        .orElseThrow(() -> ProblemException.badRequest(
                                "field \"location\": no place called \"" + locationName + "\" was found"));
        boolean created = users.ensureExists(id);
        if (body.has("name")) {
            users.setDisplayName(id, name);
        }
        if (body.has("email")) {
            users.setEmail(id, email);
        }
        if (body.has("location")) {
            if (place == null) {
                users.clearLocation(id);
            } else {
                users.setLocation(id, place);
            }
        }
        User user = users.find(id).orElseThrow(() -> ProblemException.notFound("user " + id + " was just deleted"));
        json(res, created ? Status.CREATED_201 : Status.OK_200, details(user));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        String id = UserIds.require(req.path().pathParameters().get("id"));
        if (!users.delete(id)) {
            throw ProblemException.notFound("no user with id \"" + id + "\"");
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    private User existing(ServerRequest req) {
        String id = UserIds.require(req.path().pathParameters().get("id"));
        return users.find(id).orElseThrow(() -> ProblemException.notFound("no user with id \"" + id + "\""));
    }

    private ObjectNode details(User user) {
        ObjectNode json = summary(user);
        ObjectNode settingsJson = json.putObject("settings");
        settings.all(user.id()).forEach(settingsJson::put);
        alerts.find(user.id())
                .ifPresentOrElse(
                        alert -> json.putObject("alert")
                                .put("time", alert.localTime().toString()),
                        () -> json.putNull("alert"));
        return json;
    }

    /** The fields of a user that a list shows. */
    static ObjectNode summary(User user) {
        ObjectNode json = Json.MAPPER.createObjectNode().put("id", user.id());
        json.put("name", user.displayName().orElse(null));
        json.put("email", user.email().orElse(null));
        user.location()
                .ifPresentOrElse(
                        place -> json.putObject("location")
                                .put("name", place.name())
                                .put("country", place.country())
                                .put("latitude", place.latitude())
                                .put("longitude", place.longitude())
                                .put("timeZone", place.timeZone().getId()),
                        () -> json.putNull("location"));
        json.put("createdAt", user.createdAt().toString());
        return json;
    }

    private static String optionalText(JsonNode body, String field, int maxLength) {
        JsonNode value = body.get(field);
        return value == null || value.isNull()
                ? null
                : RequestBodies.text(value, field, maxLength).strip();
    }

    private static int intParameter(ServerRequest req, String name, int fallback, int min, int max) {
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

    private static void json(ServerResponse res, Status status, JsonNode body) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(body.toString());
    }
}
