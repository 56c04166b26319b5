package dev.jeeves.server.slack;

import io.helidon.faulttolerance.Retry;
import java.time.Duration;
import java.util.Optional;

/**
 * Helidon's retry delays, except when the server said how long to wait: Slack's 429 carries
 * {@code Retry-After}, and waiting less only earns another 429. Helidon's {@link Retry.RetryPolicy} cannot see
 * the failed response, so the attempt reports the wait here first. One instance per message, never shared.
 *
 * <p>A custom policy replaces Helidon's count of calls too, so this one stops after {@code calls} calls itself:
 * without that, a message would be retried until the overall timeout whatever the configured attempts.
 */
final class RetryAfterPolicy implements Retry.RetryPolicy {
    private final Duration backoff;
    private final Duration longestWait;
    private final int calls;
    private Duration asked;

    RetryAfterPolicy(int calls, Duration backoff, Duration longestWait) {
        this.calls = calls;
        this.backoff = backoff;
        this.longestWait = longestWait;
    }

    /** The server asked to wait this long before the next attempt (capped at the longest wait). */
    synchronized void serverAsked(Duration wait) {
        this.asked = wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }

    @Override
    public synchronized Optional<Long> nextDelayMillis(long firstCallMillis, long lastDelay, int call) {
        if (call >= calls) {
            return Optional.empty(); // as Helidon's own policy counts: call is the number of calls made
        }
        if (asked != null) {
            long millis = asked.toMillis();
            asked = null;
            return Optional.of(millis);
        }
        // Exponential backoff for 5xx and timeouts: 200 ms, 400 ms, 800 ms, ...
        return Optional.of(backoff.toMillis() << Math.min(call, 10));
    }
}
