package dev.jeeves.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The CPU time of the platform threads that carry virtual threads. Helidon runs every connection and every request
 * on a virtual thread, so in a JVM whose clients are platform threads (the JDK's HTTP client, WireMock's Jetty), this
 * is the servers' own work: what a request costs Jeeves, apart from the client that sends it, the garbage collector
 * and the JIT. Two processes competing for the cores slow a request down, but hardly change the CPU it takes. Only
 * while the server is kept busy, though: idle carriers spin a little before they park, and that CPU is per second,
 * not per request.
 *
 * <pre>{@code
 * long before = CarrierCpu.nanos();
 * Wrk.Run run = wrk.post(url, headers, body, 16, Duration.ofSeconds(1));
 * double perRequest = (CarrierCpu.nanos() - before) / (double) run.requests();
 * }</pre>
 */
final class CarrierCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CarrierCpu() {}

    /** CPU nanoseconds used so far by the carriers alive now; fails when this JVM shows none to measure. */
    static long nanos() {
        long total = 0;
        int carriers = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getClass().getName().equals("jdk.internal.misc.CarrierThread")) {
                carriers++;
                total += Math.max(0, THREADS.getThreadCpuTime(thread.threadId()));
            }
        }
        if (carriers == 0) {
            // A JDK that names its carriers differently would otherwise measure nothing and pass every budget.
            throw new IllegalStateException("no virtual-thread carriers (jdk.internal.misc.CarrierThread) to measure");
        }
        return total;
    }
}
