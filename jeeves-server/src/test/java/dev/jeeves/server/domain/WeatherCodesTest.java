package dev.jeeves.server.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeatherCodesTest {
    @ParameterizedTest
    @CsvSource({
        "0, clear sky",
        "2, partly cloudy",
        "3, overcast",
        "45, fog",
        "53, drizzle",
        "63, rain",
        "75, heavy snow",
        "81, rain showers",
        "86, heavy snow showers",
        "95, thunderstorm",
        "99, thunderstorm with heavy hail"
    })
    void describesWmoCodesInWords(int code, String words) {
        assertThat(WeatherCodes.describe(code)).isEqualTo(words);
    }

    @Test
    void namesACodeWmoDoesNotDefine() {
        assertThat(WeatherCodes.describe(42)).isEqualTo("weather code 42");
    }

    @Test
    void describesTheWeatherInOneLineRoundingToWholeNumbers() {
        Place berlin = new Place("Berlin", "Germany", 52.52, 13.41, ZoneId.of("Europe/Berlin"));
        CurrentWeather weather = new CurrentWeather(18.0, 16.2, 3, 11.2, "°C", "km/h", Duration.ofMinutes(15));
        assertThat(weather.describe(berlin))
                .isEqualTo("Berlin, Germany: 18°C (feels like 16°C), overcast, wind 11 km/h");
    }
}
