package dev.jeeves.server.actions;

import dev.jeeves.server.domain.Place;
import dev.jeeves.server.domain.User;
import dev.jeeves.server.storage.UserStore;
import dev.jeeves.server.weather.WeatherService;
import dev.jeeves.server.weather.WeatherUnavailableException;
import java.util.List;
import java.util.Locale;

/**
 * {@code location}, {@code location set <place>}, {@code location clear}: where "weather" and daily alerts
 * look when no place is named. A place is only stored once geocoding has found it.
 */
public final class LocationAction implements Action {
    private final WeatherService weather;
    private final UserStore users;

    /** Creates the action. */
    public LocationAction(WeatherService weather, UserStore users) {
        this.weather = weather;
        this.users = users;
    }

    @Override
    public String name() {
        return "location";
    }

    @Override
    public String usage() {
        return "location [set <place> | clear]";
    }

    @Override
    public String description() {
        return "Shows, sets or clears your location.";
    }

    @Override
    public String run(ActionRequest request) {
        List<String> words = request.words();
        String command = words.isEmpty() ? "" : words.get(0).toLowerCase(Locale.ROOT);
        return switch (command) {
            case "" ->
                users.find(request.userId())
                        .flatMap(User::location)
                        .map(place -> "Your location is " + describe(place) + ".")
                        .orElse("You have no location yet. Set one with \"location set <place>\".");
            case "set" -> set(request.userId(), request.after(1));
            case "clear" -> {
                users.clearLocation(request.userId());
                yield "Your location is cleared.";
            }
            default -> "Usage: " + usage();
        };
    }

    private String set(String userId, String name) {
        if (name.isEmpty()) {
            return "Which place? Usage: location set <place>";
        }
        try {
            return weather.find(name)
                    .map(place -> {
                        users.setLocation(userId, place);
                        return "Your location is now " + describe(place) + ".";
                    })
                    .orElse("I couldn't find a place called \"" + name + "\". Your location is unchanged.");
        } catch (WeatherUnavailableException e) {
            return "Sorry, I can't look places up right now. Your location is unchanged; try again in a minute.";
        }
    }

    private static String describe(Place place) {
        return String.format(
                Locale.ROOT,
                "%s (%.2f, %.2f, %s)",
                place.label(),
                place.latitude(),
                place.longitude(),
                place.timeZone());
    }
}
