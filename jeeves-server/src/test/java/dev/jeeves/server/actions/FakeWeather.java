package dev.jeeves.server.actions;

import dev.jeeves.server.domain.CurrentWeather;
import dev.jeeves.server.domain.Place;
import dev.jeeves.server.weather.WeatherService;
import dev.jeeves.server.weather.WeatherUnavailableException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A weather service that knows Berlin and Paris, records what it was asked, and can be made to fail. */
public final class FakeWeather implements WeatherService {
    public static final Place BERLIN = new Place("Berlin", "Germany", 52.52, 13.41, ZoneId.of("Europe/Berlin"));
    public static final Place PARIS = new Place("Paris", "France", 48.85, 2.35, ZoneId.of("Europe/Paris"));

    public final List<String> asked = new ArrayList<>();
    public volatile boolean down;

    @Override
    public Optional<Place> find(String name) {
        asked.add(name);
        failIfDown();
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "berlin" -> Optional.of(BERLIN);
            case "paris" -> Optional.of(PARIS);
            default -> Optional.empty();
        };
    }

    @Override
    public CurrentWeather current(Place place) {
        failIfDown();
        return place.equals(BERLIN)
                ? new CurrentWeather(18.0, 16.2, 3, 11.2, "°C", "km/h", Duration.ofMinutes(15))
                : new CurrentWeather(12.4, 10.0, 61, 14.0, "°C", "km/h", Duration.ofMinutes(15));
    }

    private void failIfDown() {
        if (down) {
            throw new WeatherUnavailableException("Open-Meteo answered HTTP 500", null);
        }
    }
}
