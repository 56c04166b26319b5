package dev.jeeves.server.weather;

import dev.jeeves.server.domain.CurrentWeather;
import dev.jeeves.server.domain.Place;
import java.util.Optional;

/** Where a place is and what its weather is now. {@link OpenMeteoClient} is the real one. */
public interface WeatherService {
    /**
     * Finds a place by name.
     *
     * @return the best match, or empty when nothing is called that
     * @throws WeatherUnavailableException when the geocoding service cannot answer
     */
    Optional<Place> find(String name);

    /**
     * The current weather at a place.
     *
     * @throws WeatherUnavailableException when the forecast service cannot answer
     */
    CurrentWeather current(Place place);
}
