package dev.jeeves.server.domain;

import java.time.Duration;

/**
 * The current conditions at a place, as Open-Meteo's forecast reports them.
 *
 * @param temperature air temperature at 2 m
 * @param apparentTemperature what it feels like
 * @param weatherCode WMO code, see {@link WeatherCodes}
 * @param windSpeed wind speed at 10 m
 * @param temperatureUnit e.g. {@code °C}
 * @param windSpeedUnit e.g. {@code km/h}
 * @param validFor how long these values stand (the forecast's {@code interval}): how long to cache them
 */
public record CurrentWeather(
        double temperature,
        double apparentTemperature,
        int weatherCode,
        double windSpeed,
        String temperatureUnit,
        String windSpeedUnit,
        Duration validFor) {

    /** One line for a person: {@code Berlin, Germany: 18°C (feels like 16°C), overcast, wind 11 km/h}. */
    public String describe(Place place) {
        return "%s: %d%s (feels like %d%s), %s, wind %d %s"
                .formatted(
                        place.label(),
                        Math.round(temperature),
                        temperatureUnit,
                        Math.round(apparentTemperature),
                        temperatureUnit,
                        WeatherCodes.describe(weatherCode),
                        Math.round(windSpeed),
                        windSpeedUnit);
    }
}
