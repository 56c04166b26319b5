package dev.jeeves.server.weather;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Remembered answers of Open-Meteo, each looked up on a virtual thread of its own, never inside the cache's lock: a
 * cache's {@code get(key, loader)} runs the loader inside {@code ConcurrentHashMap.compute}'s {@code synchronized}
 * block, where the call, its retries' sleeps and the breaker would hold the lock for seconds, and where, before
 * JDK 24, a virtual thread pins its carrier: on two cores two slow lookups stopped every request, health checks
 * included. Concurrent lookups of one key share the one call; a failed one is not remembered.
 *
 * <pre>{@code
 * Lookups<Optional<Place>> places = new Lookups<>(Expiry.creating((name, place) -> Duration.ofHours(6)));
 * places.get("berlin", () -> geocode("Berlin"));
 * }</pre>
 *
 * @param <V> what is looked up
 */
final class Lookups<V> {
    private final AsyncCache<String, V> cache;

    /** Up to 10,000 answers, each remembered for as long as {@code expiry} says. */
    Lookups(Expiry<String, V> expiry) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfter(expiry)
                .executor(task -> Thread.ofVirtual().name("open-meteo-lookup").start(task))
                .buildAsync();
    }

    /**
     * The remembered answer, or {@code lookup}'s. Waiting for it holds no lock, and an interrupt (a stop) ends the
     * wait. A failed lookup leaves the cache before this returns (the cache's own removal may come a moment later),
     * so the next question asks again.
     *
     * @throws WeatherUnavailableException when the lookup failed, or the wait was interrupted
     */
    V get(String key, Supplier<V> lookup) {
        CompletableFuture<V> answer = cache.get(key, ignored -> lookup.get());
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WeatherUnavailableException("interrupted while waiting for Open-Meteo", e);
        } catch (ExecutionException e) {
            cache.asMap().remove(key, answer);
            if (e.getCause() instanceof WeatherUnavailableException unavailable) {
                throw unavailable;
            }
            throw new WeatherUnavailableException("Open-Meteo call failed: " + e.getCause(), e.getCause());
        }
    }
}
