package dev.jeeves.server.http;

import dev.jeeves.api.ApiLimits;
import dev.jeeves.api.UserDetails;
import dev.jeeves.api.UserPage;
import dev.jeeves.api.UserUpdate;
import dev.jeeves.server.domain.Place;
import dev.jeeves.server.domain.User;
import dev.jeeves.server.storage.AlertStore;
import dev.jeeves.server.storage.Database;
import dev.jeeves.server.storage.SettingsStore;
import dev.jeeves.server.storage.UserStore;
import dev.jeeves.server.support.ProblemException;
import dev.jeeves.server.support.Problems;
import dev.jeeves.server.support.RequestBodies;
import dev.jeeves.server.support.TextFields;
import dev.jeeves.server.support.UserIds;
import dev.jeeves.server.weather.WeatherService;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;
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
    private static final List<String> LIST_PARAMETERS = List.of("limit", "offset");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Database database;
    private final UserStore users;
    private final UserViews views;
    private final WeatherService weather;
    private final RequestBodies bodies;

    /** Creates the service. */
    public UsersService(
            Database database,
            UserStore users,
            SettingsStore settings,
            AlertStore alerts,
            WeatherService weather,
            RequestBodies bodies) {
        this.database = database;
        this.users = users;
        this.bodies = bodies;
        this.views = new UserViews(settings, alerts);
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
                        + TextFields.quotedList(LIST_PARAMETERS));
            }
        }
        int limit = QueryParameters.integer(req, "limit", ApiLimits.DEFAULT_PAGE_SIZE, 1, ApiLimits.MAX_PAGE_SIZE);
        int offset = QueryParameters.integer(req, "offset", 0, 0, Integer.MAX_VALUE);
        res.send(new UserPage(
                users.count(),
                limit,
                offset,
                users.list(limit, offset).stream().map(UserViews::summary).toList()));
    }

    private void show(ServerRequest req, ServerResponse res) {
        String id = UserIds.require(req.path().pathParameters().get("id"));
        User user = users.find(id).orElseThrow(() -> ProblemException.notFound("no user with id \"" + id + "\""));
        res.send(views.details(user));
    }

    private void update(ServerRequest req, ServerResponse res) {
        String id = UserIds.require(req.path().pathParameters().get("id"));
        UserUpdate update = bodies.readJson(req, ApiLimits.MAX_BODY_BYTES, UserUpdate.class);
        if (update.changesNothing()) {
            throw ProblemException.badRequest("nothing to change: give \"name\", \"email\" or \"location\"");
        }
        // Validate everything (and geocode) before writing anything, so a bad field changes nothing.
        Optional<String> name = checked("name", update.name(), ApiLimits.MAX_NAME_LENGTH);
        Optional<String> email = checked("email", update.email(), ApiLimits.MAX_EMAIL_LENGTH);
        if (email != null && email.isPresent() && !EMAIL.matcher(email.get()).matches()) {
            throw ProblemException.badRequest("field \"email\" is not an email address: \"" + email.get() + "\"");
        }
        Optional<String> locationName = checked("location", update.location(), ApiLimits.MAX_LOCATION_LENGTH);
        Optional<Place> place = locationName == null ? null : locationName.map(this::geocode);
        // One transaction: a failure halfway (the database gone) leaves the user as they were, not half changed.
        record Updated(boolean created, Optional<User> user) {}
        Updated updated = database.inTransaction(() -> {
            boolean created = users.ensureExists(id);
            if (name != null) {
                users.setDisplayName(id, name.orElse(null));
            }
            if (email != null) {
                users.setEmail(id, email.orElse(null));
            }
            if (place != null) {
                place.ifPresentOrElse(found -> users.setLocation(id, found), () -> users.clearLocation(id));
            }
            return new Updated(created, users.find(id));
        });
        boolean created = updated.created();
        User user = updated.user().orElseThrow(() -> ProblemException.notFound("user " + id + " was just deleted"));
        UserDetails details = views.details(user);
        res.status(created ? Status.CREATED_201 : Status.OK_200).send(details);
    }

    private void delete(ServerRequest req, ServerResponse res) {
        String id = UserIds.require(req.path().pathParameters().get("id"));
        if (!users.delete(id)) {
            throw ProblemException.notFound("no user with id \"" + id + "\"");
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    private Place geocode(String name) {
        return weather.find(name)
                .orElseThrow(() ->
                        ProblemException.badRequest("field \"location\": no place called \"" + name + "\" was found"));
    }

    /** A field to change: null when left out, empty to clear, else its value checked and stripped. */
    @SuppressWarnings("OptionalAssignedToNull") // null is "left out": the three states of UserUpdate
    private static Optional<String> checked(String field, Optional<String> value, int maxLength) {
        if (value == null) {
            return null;
        }
        return value.map(text -> TextFields.checked(field, text, maxLength).strip());
    }
}
