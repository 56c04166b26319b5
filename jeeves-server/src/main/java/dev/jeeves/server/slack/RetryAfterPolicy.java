package dev.jeeves.server.slack;

import io.helidon.faulttolerance.Retry;
import java.time.Duration;
import java.util.Optional;

/**
 * Helidon's retry delays, except when the server said how long to wait: Slack's 429 carries
 * {@code Retry-After}, and waiting less only earns another 429. Helidon's {@link Retry.RetryPolicy} cannot see
 * the failed response, so the attempt reports the wait here first. One instance per message, never shared.
 */
final class RetryAfterPolicy implements Retry.RetryPolicy {
    private final Duration backoff;
    private final Duration longestWait;
    private Duration asked;

    RetryAfterPolicy(Duration backoff, Duration longestWait) {
        this.backoff = backoff;
        this.longestWait = longestWait;
    }

    /** The server asked to wait this long before the next attempt (capped at the longest wait). */
    synchronized void serverAsked(Duration wait) {
        this.asked = wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }

    @Override
    public synchronized Optional<Long> nextDelayMillis(long firstCallMillis, long lastDelay, int call) {
        if (asked != null) {
            long millis = asked.toMillis();
            asked = null;
            return Optional.of(millis);
        }
        // Exponential backoff for 5xx and timeouts: 200 ms, 400 ms, 800 ms, ...
        return Optional.of(backoff.toMillis() << Math.min(call, 10));
    }
}
