package dev.jeeves.server.http;

import dev.jeeves.api.Location;
import dev.jeeves.api.UserDetails;
import dev.jeeves.api.UserSummary;
import dev.jeeves.server.domain.Place;
import dev.jeeves.server.domain.User;
import dev.jeeves.server.storage.AlertStore;
import dev.jeeves.server.storage.SettingsStore;

/** A stored user as the API shows them: in a list ({@link UserSummary}), or alone with settings and alert. */
final class UserViews {
    private final SettingsStore settings;
    private final AlertStore alerts;

    UserViews(SettingsStore settings, AlertStore alerts) {
        this.settings = settings;
        this.alerts = alerts;
    }

    static UserSummary summary(User user) {
        return new UserSummary(
                user.id(),
                user.displayName().orElse(null),
                user.email().orElse(null),
                user.location().map(UserViews::location).orElse(null),
                user.createdAt().toString());
    }

    UserDetails details(User user) {
        return new UserDetails(
                user.id(),
                user.displayName().orElse(null),
                user.email().orElse(null),
                user.location().map(UserViews::location).orElse(null),
                user.createdAt().toString(),
                settings.all(user.id()),
                alerts.find(user.id())
                        .map(alert -> new UserDetails.Alert(alert.localTime().toString()))
                        .orElse(null));
    }

    private static Location location(Place place) {
        return new Location(
                place.name(),
                place.country(),
                place.latitude(),
                place.longitude(),
                place.timeZone().getId());
    }
}
