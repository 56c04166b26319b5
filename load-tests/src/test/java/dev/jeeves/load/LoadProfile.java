package dev.jeeves.load;

import java.time.Duration;

/**
 * The load shape and the budgets, from system properties so the same simulations serve CI (small defaults) and a
 * real measurement ({@code -Pload-full}, or any {@code -Dload.*} on the command line).
 *
 * <ul>
 *   <li>{@code load.users}: concurrent users of the closed-model simulations (Ask, Baseline);
 *   <li>{@code load.rate}: new users (Slack events) per second of the open-model simulations;
 *   <li>{@code load.duration}: seconds each simulation injects load;
 *   <li>{@code load.<budget>.p95} / {@code .p99}: response time budgets in milliseconds ({@code ask}, {@code slack},
 *       {@code baseline}, {@code soak-events}, {@code soak-ask});
 *   <li>{@code load.ask.ratio}: Ask's throughput budget, a fraction of the bare route's measured in the same run;
 *   <li>{@code load.ask.cost}: the budget of the server's CPU per Ask, a multiple of the bare route's ({@link
 *       AskCostIT}).
 * </ul>
 */
record LoadProfile(int users, double rate, Duration duration) {
    static LoadProfile fromSystemProperties() {
        return new LoadProfile(
                Integer.getInteger("load.users", 8),
                Double.parseDouble(System.getProperty("load.rate", "20")),
                Duration.ofSeconds(Long.getLong("load.duration", 10)));
    }

    /** A throughput budget as a fraction of the bare route's, measured in the same run: {@code -Dload.<simulation>.ratio}. */
    static double ratio(String simulation, double defaultRatio) {
        return Double.parseDouble(System.getProperty("load." + simulation + ".ratio", Double.toString(defaultRatio)));
    }

    /** A response time budget in milliseconds: {@code -Dload.<simulation>.<percentile>} or the default. */
    static int budget(String simulation, String percentile, int defaultMillis) {
        return Integer.getInteger("load." + simulation + "." + percentile, defaultMillis);
    }
}
