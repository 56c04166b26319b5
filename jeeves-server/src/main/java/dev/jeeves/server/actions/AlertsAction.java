package dev.jeeves.server.actions;

import dev.jeeves.server.domain.Alert;
import dev.jeeves.server.domain.Place;
import dev.jeeves.server.domain.User;
import dev.jeeves.server.storage.AlertStore;
import dev.jeeves.server.storage.UserStore;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code alerts on [at HH:MM]}, {@code alerts off}, {@code alerts}: a daily weather message in the user's direct
 * messages, at their local time (the time zone of their location). The scheduler sends them.
 */
public final class AlertsAction implements Action {
    /** When an alert is sent if no time is given. */
    public static final LocalTime DEFAULT_TIME = LocalTime.of(7, 0);

    private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}");

    private final AlertStore alerts;
    private final UserStore users;

    /** Creates the action. */
    public AlertsAction(AlertStore alerts, UserStore users) {
        this.alerts = alerts;
        this.users = users;
    }

    @Override
    public String name() {
        return "alerts";
    }

    @Override
    public String usage() {
        return "alerts [on [at HH:MM] | off]";
    }

    @Override
    public String description() {
        return "A daily weather message at your local time.";
    }

    @Override
    public String run(ActionRequest request) {
        List<String> words = request.words();
        String command = words.isEmpty() ? "" : words.get(0).toLowerCase(Locale.ROOT);
        String user = request.userId();
        return switch (command) {
            case "" ->
                alerts.find(user)
                        .map(AlertsAction::describe)
                        .orElse("Daily weather alerts are off. Turn them on with \"alerts on [at HH:MM]\".");
            case "on" -> on(user, words);
            case "off" ->
                alerts.disable(user) ? "Daily weather alerts are off." : "Daily weather alerts were already off.";
            default -> "Usage: " + usage();
        };
    }

    private String on(String user, List<String> words) {
        LocalTime time = DEFAULT_TIME;
        if (words.size() == 3
                && words.get(1).equalsIgnoreCase("at")
                && TIME.matcher(words.get(2)).matches()) {
            try {
                time = LocalTime.parse(words.get(2).length() == 4 ? "0" + words.get(2) : words.get(2));
            } catch (DateTimeParseException e) {
                return "\"" + words.get(2) + "\" is not a time of day. Use HH:MM, e.g. 07:30.";
            }
        } else if (words.size() != 1) {
            return "Usage: alerts on [at HH:MM], e.g. \"alerts on at 07:30\".";
        }
        Optional<Place> location = users.find(user).flatMap(User::location);
        if (location.isEmpty()) {
            return "Alerts need to know where you are. Set your location first: \"location set <place>\".";
        }
        alerts.enable(user, time);
        return "Daily weather alerts are on at " + time + " (" + location.get().timeZone() + ") for "
                + location.get().label() + ".";
    }

    private static String describe(Alert alert) {
        String zone =
                alert.location().map(place -> " (" + place.timeZone() + ")").orElse(" (no location set)");
        return "Daily weather alerts are on at " + alert.localTime() + zone + ".";
    }
}
