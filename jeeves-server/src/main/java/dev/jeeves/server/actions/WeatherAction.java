package dev.jeeves.server.actions;

import dev.jeeves.server.domain.Place;
import dev.jeeves.server.domain.User;
import dev.jeeves.server.storage.UserStore;
import dev.jeeves.server.weather.WeatherService;
import dev.jeeves.server.weather.WeatherUnavailableException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * {@code weather [in|for] <place>}: the current weather somewhere, or at the user's stored location.
 *
 * <p>Only a leading "in" or "for" word is dropped, so "weather in Berlin" asks for Berlin (the book's version
 * stripped every "in" and asked for "Berl").
 */
public final class WeatherAction implements Action {
    private static final Logger LOG = Logger.getLogger(WeatherAction.class.getName());
    private static final Pattern PREPOSITION = Pattern.compile("^(?i:in|for)(\\s+|$)");
    static final String APOLOGY = "Sorry, I can't reach the weather service right now. Please try again in a minute.";

    private final WeatherService weather;
    private final UserStore users;

    /** Creates the action. */
    public WeatherAction(WeatherService weather, UserStore users) {
        this.weather = weather;
        this.users = users;
    }

    @Override
    public String name() {
        return "weather";
    }

    @Override
    public String usage() {
        return "weather [in|for] <place>";
    }

    @Override
    public String description() {
        return "The current weather at a place, or at your location.";
    }

    @Override
    public String help() {
        return """
                weather [in|for] <place> - the current weather at a place.
                Examples: "weather in Paris", "weather for New York", "weather Tokyo".
                Without a place I use your location; set it with "location set <place>".
                The answer has the temperature, what it feels like, the sky and the wind.""";
    }

    @Override
    public String run(ActionRequest request) {
        String place = PREPOSITION.matcher(request.arguments()).replaceFirst("").strip();
        try {
            if (place.isEmpty()) {
                Optional<Place> stored = users.find(request.userId()).flatMap(User::location);
                return stored.map(this::describe)
                        .orElse("Where? Say \"weather in <place>\", or set your location with"
                                + " \"location set <place>\".");
            }
            return weather.find(place).map(this::describe).orElse("I couldn't find a place called \"" + place + "\".");
        } catch (WeatherUnavailableException e) {
            LOG.log(Level.WARNING, "weather unavailable: {0}", e.getMessage());
            return APOLOGY;
        }
    }

    private String describe(Place place) {
        return weather.current(place).describe(place);
    }
}
