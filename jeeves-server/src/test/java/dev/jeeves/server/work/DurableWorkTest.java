package dev.jeeves.server.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurableWorkTest {
    @Test
    void aDeadInstancesWorkIsFoundAndRunAgainWithinTheTakeoverTime() {
        Duration takeover = Duration.ofSeconds(60);
        Duration heartbeat = DurableWork.heartbeat(takeover);
        assertThat(heartbeat).isEqualTo(Duration.ofSeconds(10));
        // Dead after MISSED_HEARTBEATS missed heartbeats, found by a check that runs every two heartbeats.
        Duration worstCase =
                heartbeat.multipliedBy(DurableWork.MISSED_HEARTBEATS).plus(heartbeat.multipliedBy(2));
        assertThat(worstCase).isLessThanOrEqualTo(takeover);
    }

    @Test
    void isOutOfTimeOnlyOnceAStopHasWaitedItsGracePeriod() {
        DurableWork generous = new DurableWork(null, Duration.ofSeconds(60), Duration.ofMinutes(5), "test");
        assertThat(generous.outOfTime()).as("running").isFalse();
        generous.stop();
        assertThat(generous.outOfTime()).as("stopping, within the grace period").isFalse();

        DurableWork none = new DurableWork(null, Duration.ofSeconds(60), Duration.ZERO, "test");
        none.stop();
        assertThat(none.outOfTime()).as("stopping, no grace period").isTrue();
    }
}
