package dev.jeeves.server.weather;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.jeeves.api.Json;
import dev.jeeves.server.domain.CurrentWeather;
import dev.jeeves.server.domain.Place;
import dev.jeeves.server.upstream.Upstream;
import dev.jeeves.server.upstream.UpstreamException;
import io.helidon.faulttolerance.CircuitBreaker;
import io.helidon.faulttolerance.CircuitBreakerOpenException;
import io.helidon.faulttolerance.Retry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Open-Meteo's geocoding and forecast APIs, with what a polite client needs: timeouts, retries on 5xx and
 * timeouts, a circuit breaker so a dead upstream is not hammered, and caches so repeated questions cost nothing
 * (a place's coordinates for hours, a forecast for its own {@code interval}).
 *
 * <p>A lookup holds no lock while it waits for Open-Meteo ({@link Lookups}).
 *
 * <pre>{@code
 * var weather = new OpenMeteoClient(upstream, URI.create("https://geocoding-api.open-meteo.com/v1"),
 *         URI.create("https://api.open-meteo.com/v1"), Duration.ofSeconds(5));
 * weather.find("Berlin").map(weather::current);
 * }</pre>
 */
public final class OpenMeteoClient implements WeatherService {
    private static final Duration PLACE_CACHE_TIME = Duration.ofHours(6);
    private static final List<String> CURRENT_FIELDS =
            List.of("temperature_2m", "apparent_temperature", "weather_code", "wind_speed_10m");

    private final Upstream upstream;
    private final URI geocodingUrl;
    private final URI forecastUrl;
    private final Duration readTimeout;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Lookups<Optional<Place>> places;
    private final Lookups<CurrentWeather> forecasts;

    /**
     * Creates the client.
     *
     * @param upstream the shared HTTP caller
     * @param geocodingUrl base URL of the geocoding API (ends before {@code /search})
     * @param forecastUrl base URL of the forecast API (ends before {@code /forecast})
     * @param readTimeout how long one call may wait for its answer
     */
    public OpenMeteoClient(Upstream upstream, URI geocodingUrl, URI forecastUrl, Duration readTimeout) {
        this.upstream = upstream;
        this.geocodingUrl = geocodingUrl;
        this.forecastUrl = forecastUrl;
        this.readTimeout = readTimeout;
        this.retry = Retry.builder()
                .name("open-meteo-retry")
                .calls(3)
                .delay(Duration.ofMillis(100))
                .delayFactor(3)
                .jitter(Duration.ZERO)
                .overallTimeout(readTimeout.multipliedBy(3).plusSeconds(2))
                .addApplyOn(UpstreamException.Transient.class)
                .build();
        this.breaker = CircuitBreaker.builder()
                .name("open-meteo")
                .volume(10)
                .errorRatio(60)
                .successThreshold(1)
                .delay(Duration.ofSeconds(30))
                .build();
        this.places = new Lookups<>(Expiry.creating((String name, Optional<Place> place) -> PLACE_CACHE_TIME));
        this.forecasts = new Lookups<>(Expiry.creating((String key, CurrentWeather weather) -> weather.validFor()));
    }

    @Override
    public Optional<Place> find(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        return places.get(key, () -> call(() -> geocode(name.strip())));
    }

    @Override
    public CurrentWeather current(Place place) {
        String key = String.format(Locale.ROOT, "%.3f,%.3f", place.latitude(), place.longitude());
        return forecasts.get(key, () -> call(() -> forecast(place)));
    }

    /** Whether calls currently go through ({@code CLOSED}), are refused ({@code OPEN}), or are being tried. */
    public CircuitBreaker.State circuitState() {
        return breaker.state();
    }

    private <T> T call(Supplier<T> request) {
        try {
            return breaker.invoke(() -> retry.invoke(request));
        } catch (CircuitBreakerOpenException e) {
            throw new WeatherUnavailableException("Open-Meteo circuit is open after repeated failures", e);
        } catch (UpstreamException e) {
            throw new WeatherUnavailableException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new WeatherUnavailableException("Open-Meteo call failed: " + e.getMessage(), e);
        }
    }

    private Optional<Place> geocode(String name) {
        URI uri = URI.create(geocodingUrl + "/search?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "&count=1&language=en&format=json");
        JsonNode results = get("geocoding", uri).path("results");
        if (!results.isArray() || results.isEmpty()) {
            return Optional.empty();
        }
        JsonNode first = results.get(0);
        if (!first.path("latitude").isNumber() || !first.path("longitude").isNumber()) {
            throw new UpstreamException("geocoding answered a place without coordinates");
        }
        return Optional.of(new Place(
                first.path("name").asText(name),
                first.path("country").asText(""),
                first.path("latitude").asDouble(),
                first.path("longitude").asDouble(),
                zone(first.path("timezone").asText("UTC"))));
    }

    private CurrentWeather forecast(Place place) {
        URI uri = URI.create(String.format(
                Locale.ROOT,
                "%s/forecast?latitude=%.4f&longitude=%.4f&current=%s&timezone=auto",
                forecastUrl,
                place.latitude(),
                place.longitude(),
                String.join(",", CURRENT_FIELDS)));
        JsonNode body = get("forecast", uri);
        JsonNode current = body.path("current");
        for (String field : CURRENT_FIELDS) {
            if (!current.path(field).isNumber()) {
                throw new UpstreamException("forecast answered without current." + field);
            }
        }
        JsonNode units = body.path("current_units");
        return new CurrentWeather(
                current.path("temperature_2m").asDouble(),
                current.path("apparent_temperature").asDouble(),
                current.path("weather_code").asInt(),
                current.path("wind_speed_10m").asDouble(),
                units.path("temperature_2m").asText("°C"),
                units.path("wind_speed_10m").asText("km/h"),
                Duration.ofSeconds(Math.max(60, current.path("interval").asLong(900))));
    }

    private JsonNode get(String api, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = upstream.send(api, request);
        int status = response.statusCode();
        if (status >= 500) {
            throw new UpstreamException.Transient(api + " answered HTTP " + status);
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new UpstreamException(api + " answered malformed JSON (HTTP " + status + ")", e);
        }
        if (status != 200 || body == null || !body.isObject()) {
            String reason = body == null ? "" : body.path("reason").asText("");
            throw new UpstreamException(api + " answered HTTP " + status + (reason.isEmpty() ? "" : ": " + reason));
        }
        return body;
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
