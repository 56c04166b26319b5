package dev.jeeves.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.jeeves.server.domain.CurrentWeather;
import dev.jeeves.server.domain.Place;
import dev.jeeves.server.upstream.Upstream;
import dev.jeeves.server.weather.OpenMeteoClient;
import dev.jeeves.server.weather.WeatherUnavailableException;
import io.helidon.metrics.api.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Contract 3: what the server expects of Open-Meteo's geocoding and forecast APIs, for every city the sandbox
 * knows. The consumer code is the server's real {@link OpenMeteoClient}; {@link StubsHonourContractsTest} holds
 * the canned Open-Meteo stub to this pact.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = ContractFacts.OPEN_METEO, pactVersion = PactSpecVersion.V4)
@Tag("contract")
class OpenMeteoConsumerPactTest {
    private static final String CURRENT_FIELDS = "temperature_2m,apparent_temperature,weather_code,wind_speed_10m";

    /** Open-Meteo's answers for the sandbox's cities (its geocoding facts, as of 2026). */
    private static final List<Place> CITIES = List.of(
            place("Berlin", "Germany", 52.52437, 13.41053, "Europe/Berlin"),
            place("Paris", "France", 48.85341, 2.3488, "Europe/Paris"),
            place("London", "United Kingdom", 51.50853, -0.12574, "Europe/London"),
            place("New York", "United States", 40.71427, -74.00597, "America/New_York"),
            place("Tokyo", "Japan", 35.6895, 139.69171, "Asia/Tokyo"),
            place("Sydney", "Australia", -33.86785, 151.20732, "Australia/Sydney"),
            place("São Paulo", "Brazil", -23.5475, -46.63611, "America/Sao_Paulo"),
            place("Cairo", "Egypt", 30.06263, 31.24967, "Africa/Cairo"),
            place("Mumbai", "India", 19.07283, 72.88261, "Asia/Kolkata"),
            place("Toronto", "Canada", 43.70011, -79.4163, "America/Toronto"),
            place("Cape Town", "South Africa", -33.92584, 18.42322, "Africa/Johannesburg"),
            place("Reykjavik", "Iceland", 64.13548, -21.89541, "Atlantic/Reykjavik"));

    // tag::geocoding-contract[]
    @Pact(consumer = ContractFacts.JEEVES_SERVER)
    V4Pact everyCity(PactDslWithProvider builder) {
        var pact = builder.uponReceiving("a search for a place that does not exist")
                .method("GET")
                .path("/v1/search")
                .query("name=Atlantis&count=1&language=en&format=json")
                .willRespondWith()
                .status(200)
                .body(new PactDslJsonBody().decimalType("generationtime_ms", 0.4));
        for (Place city : CITIES) {
            pact = pact.uponReceiving("a search for " + city.name())
                    .method("GET")
                    .path("/v1/search")
                    .query("name=" + city.name() + "&count=1&language=en&format=json")
                    .willRespondWith()
                    .status(200)
                    .matchHeader("Content-Type", "application/json.*", "application/json; charset=utf-8")
                    .body(new PactDslJsonBody()
                            .minArrayLike("results", 1)
                            .stringValue("name", city.name())
                            .stringValue("country", city.country())
                            .decimalType("latitude", city.latitude())
                            .decimalType("longitude", city.longitude())
                            .stringValue("timezone", city.timeZone().getId())
                            .closeObject()
                            .closeArray())
                    .uponReceiving("the current weather in " + city.name())
                    .method("GET")
                    .path("/v1/forecast")
                    .query(String.format(
                            Locale.ROOT,
                            "latitude=%.4f&longitude=%.4f&current=%s&timezone=auto",
                            city.latitude(),
                            city.longitude(),
                            CURRENT_FIELDS))
                    .willRespondWith()
                    .status(200)
                    .matchHeader("Content-Type", "application/json.*", "application/json; charset=utf-8")
                    .body(new PactDslJsonBody()
                            .object("current_units")
                            .stringMatcher("temperature_2m", "°[CF]", "°C")
                            .stringType("wind_speed_10m", "km/h")
                            .closeObject()
                            .object("current")
                            .integerType("interval", 900)
                            .decimalType("temperature_2m", 18.0)
                            .decimalType("apparent_temperature", 16.2)
                            .integerType("weather_code", 3)
                            .decimalType("wind_speed_10m", 11.2)
                            .closeObject());
        }
        return pact.toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "everyCity")
    void everyCityIsFoundWithItsCurrentWeather(MockServer server) {
        OpenMeteoClient weather = client(server);
        assertThat(weather.find("Atlantis")).isEmpty();
        for (Place city : CITIES) {
            Optional<Place> found = weather.find(city.name());
            assertThat(found).contains(city);
            CurrentWeather now = weather.current(found.orElseThrow());
            assertThat(now.temperatureUnit()).isEqualTo("°C");
        }
    }
    // end::geocoding-contract[]

    @Pact(consumer = ContractFacts.JEEVES_SERVER)
    V4Pact coordinatesOutOfRange(PactDslWithProvider builder) {
        return builder.uponReceiving("a forecast for a latitude beyond the pole")
                .method("GET")
                .path("/v1/forecast")
                .query("latitude=91.0000&longitude=0.0000&current=" + CURRENT_FIELDS + "&timezone=auto")
                .willRespondWith()
                .status(400)
                .body(new PactDslJsonBody()
                        .booleanValue("error", true)
                        .stringMatcher(
                                "reason",
                                "Latitude must be in range .*",
                                "Latitude must be in range of -90 to 90°. Given: 91.0."))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "coordinatesOutOfRange")
    void aBadRequestIsReportedWithOpenMeteosReason(MockServer server) {
        Place beyondThePole = new Place("Nowhere", "", 91.0, 0.0, ZoneOffset.UTC);
        assertThatThrownBy(() -> client(server).current(beyondThePole))
                .isInstanceOf(WeatherUnavailableException.class)
                .hasMessageContaining("HTTP 400: Latitude must be in range");
    }

    private static OpenMeteoClient client(MockServer server) {
        Duration timeout = Duration.ofSeconds(5);
        Upstream upstream = new Upstream(Upstream.httpClient(timeout), MeterRegistry.create());
        URI base = URI.create(server.getUrl() + "/v1");
        return new OpenMeteoClient(upstream, base, base, timeout);
    }

    private static Place place(String name, String country, double latitude, double longitude, String zone) {
        return new Place(name, country, latitude, longitude, ZoneId.of(zone));
    }
}
