package dev.jeeves.server.support;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How long a client may take to send a request: its headers within {@code timeout} of its first line, and its body
 * within {@code timeout} of the handler starting to read it. A read that takes longer has its thread interrupted,
 * which closes the connection. Without this a client that sends a request line and then nothing more held its
 * connection, and the memory and descriptor behind it, forever: Helidon's idle check only interrupts a connection
 * waiting for its next request line, so thousands of half-sent requests stayed open ({@code SlowClientsIT}).
 *
 * <pre>{@code
 * ReadDeadlines deadlines = new ReadDeadlines(Duration.ofSeconds(30));
 * Http1Config.builder().addReceiveListener(deadlines.headerDeadline());    // headers
 * try (ReadDeadlines.Deadline deadline = deadlines.start()) { body = in.readAllBytes(); }  // a body
 * }</pre>
 */
public final class ReadDeadlines {
    private final Duration timeout;
    private final ScheduledThreadPoolExecutor timer;
    /** The deadline of the headers a connection's thread is reading, if any. */
    private static final ThreadLocal<Deadline> HEADERS = new ThreadLocal<>();

    /** Deadlines of {@code timeout}, checked by one daemon thread that ends when no read is being timed. */
    public ReadDeadlines(Duration timeout) {
        this.timeout = timeout;
        this.timer = new ScheduledThreadPoolExecutor(
                1,
                task -> Thread.ofPlatform()
                        .daemon()
                        .name("jeeves-read-deadlines")
                        .unstarted(task));
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(10, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
    }

    /** How long a request's headers, or its body, may take to arrive. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * The deadlines still scheduled. A closed one leaves at once (not when its time would have come), so a busy server
     * holds only the reads in progress, not one entry for every request of the last {@code timeout}.
     */
    int scheduled() {
        return timer.getQueue().size();
    }

    /** Starts timing a read by the calling thread; close the deadline when the read is done. */
    public Deadline start() {
        Deadline deadline = new Deadline(Thread.currentThread());
        deadline.expiry = timer.schedule(deadline::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
        return deadline;
    }

    /**
     * Times every request's headers on a connection: from the request line (Helidon's idle check covers the wait
     * for it) until the last header has been read, on the connection's own thread.
     */
    public Http1ConnectionListener headerDeadline() {
        return new Http1ConnectionListener() {
            @Override
            public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
                HEADERS.set(start());
            }

            @Override
            public void headers(ConnectionContext ctx, Headers requestHeaders) {
                Deadline deadline = HEADERS.get();
                if (deadline != null) {
                    HEADERS.remove();
                    deadline.close();
                }
            }
        };
    }

    /** One timed read: interrupts its thread once the time is up, unless closed first. */
    public static final class Deadline implements AutoCloseable {
        private static final int RUNNING = 0;
        private static final int DONE = 1;
        private static final int EXPIRING = 2;
        private static final int EXPIRED = 3;

        private final Thread reader;
        private final AtomicInteger state = new AtomicInteger(RUNNING);
        private volatile ScheduledFuture<?> expiry;

        private Deadline(Thread reader) {
            this.reader = reader;
        }

        private void expire() {
            if (state.compareAndSet(RUNNING, EXPIRING)) {
                reader.interrupt();
                state.set(EXPIRED);
            }
        }

        /** True when the time ran out and the reading thread was interrupted. */
        public boolean expired() {
            return state.get() >= EXPIRING;
        }

        /** Ends the timing; an interrupt the deadline sent is not left for what the thread does next. */
        @Override
        public void close() {
            if (state.compareAndSet(RUNNING, DONE)) {
                ScheduledFuture<?> pending = expiry;
                if (pending != null) {
                    pending.cancel(false);
                }
                return;
            }
            while (state.get() == EXPIRING) {
                Thread.onSpinWait();
            }
            if (reader == Thread.currentThread()) {
                // Timed out: the read was cut short (its connection closed), or had just ended; either way the
                // caller sees expired() and refuses the request, and its next steps must not fail as interrupted.
                Thread.interrupted();
            }
        }
    }
}
