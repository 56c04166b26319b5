package dev.jeeves.server.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long Slack's client waits before trying again: as Slack asked, capped, else a doubling backoff, then no more. */
class RetryAfterPolicyTest {
    private final RetryAfterPolicy policy = new RetryAfterPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5));

    @Test
    void doublesTheBackoffWithEachCallThenStops() {
        assertThat(policy.nextDelayMillis(0, 0, 0)).contains(200L);
        assertThat(policy.nextDelayMillis(0, 0, 1)).contains(400L);
        assertThat(policy.nextDelayMillis(0, 0, 3)).contains(1600L);
        assertThat(policy.nextDelayMillis(0, 0, 4))
                .as("four calls made: no fifth")
                .isEmpty();
    }

    @Test
    void waitsAsLongAsSlackAskedOnceCappedAtTheLongestWait() {
        policy.serverAsked(Duration.ofSeconds(3));
        assertThat(policy.nextDelayMillis(0, 0, 1)).contains(3000L);
        assertThat(policy.nextDelayMillis(0, 0, 1))
                .as("the next wait is the backoff again")
                .contains(400L);

        policy.serverAsked(Duration.ofMinutes(10));
        assertThat(policy.nextDelayMillis(0, 0, 1)).contains(5000L);
    }
}
