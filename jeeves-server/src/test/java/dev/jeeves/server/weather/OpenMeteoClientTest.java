package dev.jeeves.server.weather;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.jeeves.server.domain.CurrentWeather;
import dev.jeeves.server.domain.Place;
import dev.jeeves.server.upstream.Upstream;
import io.helidon.faulttolerance.CircuitBreaker;
import io.helidon.metrics.api.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What Open-Meteo is asked, and how each of its answers becomes a place, a forecast or an apology, against a
 * stub on loopback. {@link OpenMeteoClientIT} times slow lookups.
 */
class OpenMeteoClientTest {
    static final String SEARCH = "/v1/search";
    static final String FORECAST = "/v1/forecast";
    static final Place BERLIN = new Place("Berlin", "Germany", 52.52, 13.41, ZoneId.of("Europe/Berlin"));
    static final String BERLIN_FOUND = """
            {"results":[{"name":"Berlin","country":"Germany","latitude":52.52,"longitude":13.41,
            "timezone":"Europe/Berlin"}]}""";
    static final String BERLIN_NOW = """
            {"latitude":52.52,"longitude":13.42,"current_units":{"temperature_2m":"°F","wind_speed_10m":"mp/h"},
            "current":{"time":"2026-03-26T16:15","interval":600,"temperature_2m":18.0,"apparent_temperature":16.2,
            "weather_code":3,"wind_speed_10m":11.2}}""";

    WireMockServer openMeteo;
    OpenMeteoClient weather;

    @BeforeEach
    void start() {
        openMeteo = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        openMeteo.start();
        URI base = URI.create(openMeteo.baseUrl() + "/v1");
        weather = new OpenMeteoClient(
                new Upstream(Upstream.httpClient(Duration.ofSeconds(2)), MeterRegistry.create()),
                base,
                base,
                Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        openMeteo.stop();
    }

    void searchAnswers(String json) {
        openMeteo.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson(json)));
    }

    void forecastAnswers(String json) {
        openMeteo.stubFor(get(urlPathEqualTo(FORECAST)).willReturn(okJson(json)));
    }

    int requestsTo(String path) {
        return openMeteo.findAll(getRequestedFor(urlPathEqualTo(path))).size();
    }

    @Test
    void findsAPlaceAskingForTheBestMatchInEnglish() {
        searchAnswers(BERLIN_FOUND);
        assertThat(weather.find(" Berlin ")).contains(BERLIN);
        openMeteo.verify(getRequestedFor(urlPathEqualTo(SEARCH))
                .withQueryParam("name", equalTo("Berlin"))
                .withQueryParam("count", equalTo("1"))
                .withQueryParam("language", equalTo("en"))
                .withQueryParam("format", equalTo("json"))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void remembersAPlaceWhateverItsCase() {
        searchAnswers(BERLIN_FOUND);
        weather.find("Berlin");
        assertThat(weather.find("  BERLIN")).contains(BERLIN);
        assertThat(requestsTo(SEARCH)).isEqualTo(1);
    }

    @Test
    void findsNothingWhenNoPlaceMatches() {
        searchAnswers("{\"generationtime_ms\":0.1}");
        assertThat(weather.find("Nowhere")).isEmpty();
        searchAnswers("{\"results\":[]}");
        assertThat(weather.find("Elsewhere")).isEmpty();
    }

    @Test
    void fillsWhatAPlaceLeavesOut() {
        searchAnswers("{\"results\":[{\"latitude\":0.5,\"longitude\":-1.5,\"timezone\":\"Not/AZone\"}]}");
        assertThat(weather.find("Null Island")).contains(new Place("Null Island", "", 0.5, -1.5, ZoneOffset.UTC));
    }

    @Test
    void refusesAPlaceWithoutCoordinates() {
        searchAnswers("{\"results\":[{\"name\":\"Atlantis\",\"latitude\":\"deep\"}]}");
        assertThatThrownBy(() -> weather.find("Atlantis"))
                .isInstanceOf(WeatherUnavailableException.class)
                .hasMessage("geocoding answered a place without coordinates");
    }

    @Test
    void readsTheCurrentWeatherInTheUnitsOpenMeteoGives() {
        forecastAnswers(BERLIN_NOW);
        assertThat(weather.current(BERLIN))
                .isEqualTo(new CurrentWeather(18.0, 16.2, 3, 11.2, "°F", "mp/h", Duration.ofMinutes(10)));
        openMeteo.verify(getRequestedFor(urlPathEqualTo(FORECAST))
                .withQueryParam("latitude", equalTo("52.5200"))
                .withQueryParam("longitude", equalTo("13.4100"))
                .withQueryParam("current", equalTo("temperature_2m,apparent_temperature,weather_code,wind_speed_10m"))
                .withQueryParam("timezone", equalTo("auto")));
    }

    @Test
    void assumesMetricUnitsAndAQuarterHourWhenNotGiven() {
        forecastAnswers("""
                {"current":{"temperature_2m":-2.5,"apparent_temperature":-6,"weather_code":71,"wind_speed_10m":20}}""");
        assertThat(weather.current(BERLIN))
                .isEqualTo(new CurrentWeather(-2.5, -6, 71, 20, "°C", "km/h", Duration.ofMinutes(15)));
    }

    @Test
    void keepsAForecastAtLeastAMinute() {
        forecastAnswers(BERLIN_NOW.replace("\"interval\":600", "\"interval\":5"));
        assertThat(weather.current(BERLIN).validFor()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void remembersAForecastPerPlace() {
        forecastAnswers(BERLIN_NOW);
        weather.current(BERLIN);
        weather.current(new Place("Berlin", "Germany", 52.5201, 13.4099, BERLIN.timeZone()));
        assertThat(requestsTo(FORECAST))
                .as("the same place to a thousandth of a degree")
                .isEqualTo(1);
        weather.current(new Place("Potsdam", "Germany", 52.39, 13.06, BERLIN.timeZone()));
        assertThat(requestsTo(FORECAST)).isEqualTo(2);
    }

    @Test
    void refusesAForecastMissingAField() {
        forecastAnswers(BERLIN_NOW.replace("\"weather_code\":3", "\"weather_code\":null"));
        assertThatThrownBy(() -> weather.current(BERLIN))
                .isInstanceOf(WeatherUnavailableException.class)
                .hasMessage("forecast answered without current.weather_code");
    }

    @Test
    void retriesAServerErrorThreeTimesThenApologises() {
        openMeteo.stubFor(get(urlPathEqualTo(FORECAST)).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> weather.current(BERLIN))
                .isInstanceOf(WeatherUnavailableException.class)
                .hasMessage("forecast answered HTTP 503");
        assertThat(requestsTo(FORECAST)).isEqualTo(3);
    }

    @Test
    void namesTheReasonOfARefusalWithoutRetrying() {
        openMeteo.stubFor(get(urlPathEqualTo(SEARCH))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":true,\"reason\":\"Parameter count must be between 1 and 100.\"}")));
        assertThatThrownBy(() -> weather.find("Berlin"))
                .isInstanceOf(WeatherUnavailableException.class)
                .hasMessage("geocoding answered HTTP 400: Parameter count must be between 1 and 100.");
        assertThat(requestsTo(SEARCH)).isEqualTo(1);
    }

    @Test
    void refusesMalformedAndNonObjectAnswers() {
        searchAnswers("{\"results\":");
        assertThatThrownBy(() -> weather.find("Berlin"))
                .isInstanceOf(WeatherUnavailableException.class)
                .hasMessage("geocoding answered malformed JSON (HTTP 200)");
        forecastAnswers("[]");
        assertThatThrownBy(() -> weather.current(BERLIN))
                .isInstanceOf(WeatherUnavailableException.class)
                .hasMessage("forecast answered HTTP 200");
        openMeteo.stubFor(get(urlPathEqualTo(FORECAST)).willReturn(aResponse().withStatus(404)));
        assertThatThrownBy(() -> weather.current(BERLIN)).hasMessage("forecast answered HTTP 404");
    }

    @Test
    void asksAgainAfterAFailedLookup() {
        openMeteo.stubFor(get(urlPathEqualTo(SEARCH))
                .inScenario("recovers")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(404))
                .willSetStateTo("up"));
        openMeteo.stubFor(get(urlPathEqualTo(SEARCH))
                .inScenario("recovers")
                .whenScenarioStateIs("up")
                .willReturn(okJson(BERLIN_FOUND)));
        assertThatThrownBy(() -> weather.find("Berlin")).isInstanceOf(WeatherUnavailableException.class);
        assertThat(weather.find("Berlin")).isEqualTo(Optional.of(BERLIN));
    }

    @Test
    void stopsCallingAfterRepeatedFailures() {
        openMeteo.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(404)));
        assertThat(weather.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
        for (int i = 0; i < 10; i++) {
            String place = "Place" + i;
            assertThatThrownBy(() -> weather.find(place)).isInstanceOf(WeatherUnavailableException.class);
        }
        assertThat(weather.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> weather.find("Berlin"))
                .isInstanceOf(WeatherUnavailableException.class)
                .hasMessage("Open-Meteo circuit is open after repeated failures");
        assertThat(requestsTo(SEARCH)).isEqualTo(10);
    }
}
