package dev.jeeves.server.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A read that outlives its deadline has its thread interrupted (which closes a connection), and one that ends in time
 * is left alone: the two halves of what keeps a half-sent request from holding a connection forever.
 */
class ReadDeadlinesTest {
    static final Duration SHORT = Duration.ofMillis(50);

    /** Waits on something that never comes, as a read of a body that never arrives does. */
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void interruptsAReadThatOutlivesItsDeadline() {
        ReadDeadlines deadlines = new ReadDeadlines(SHORT);
        ReadDeadlines.Deadline deadline = deadlines.start();

        assertThatThrownBy(() -> never.await(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(deadline.expired()).isTrue();
        deadline.close();
        assertThat(Thread.currentThread().isInterrupted())
                .as("the interrupt is not left for what the thread does next")
                .isFalse();
        assertThat(deadlines.timeout()).isEqualTo(SHORT);
    }

    @Test
    void leavesAReadThatEndsInTimeAlone() throws InterruptedException {
        ReadDeadlines deadlines = new ReadDeadlines(SHORT);
        ReadDeadlines.Deadline deadline = deadlines.start();
        assertThat(deadlines.scheduled()).isEqualTo(1);
        deadline.close();

        assertThat(never.await(SHORT.multipliedBy(4).toMillis(), TimeUnit.MILLISECONDS))
                .as("nothing counts down; the wait ends by itself, not interrupted")
                .isFalse();
        assertThat(deadline.expired()).isFalse();
        assertThat(deadlines.scheduled())
                .as("a closed deadline leaves the timer at once")
                .isZero();
    }

    @Test
    void timesARequestsHeadersFromItsFirstLineToItsLastHeader() throws InterruptedException {
        ReadDeadlines deadlines = new ReadDeadlines(SHORT);
        var listener = deadlines.headerDeadline();

        listener.prologue(null, null);
        listener.headers(null, null);
        assertThat(never.await(SHORT.multipliedBy(4).toMillis(), TimeUnit.MILLISECONDS))
                .isFalse();

        listener.prologue(null, null);
        assertThatThrownBy(() -> never.await(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        listener.headers(null, null);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void endsTheHeadersOfOnlyARequestThatStarted() {
        ReadDeadlines deadlines = new ReadDeadlines(SHORT);
        deadlines.headerDeadline().headers(null, null);
        assertThat(deadlines.scheduled()).isZero();
    }
}
