package dev.jeeves.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.helidon.webserver.WebServer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The budget that catches a costlier Ask on a busy machine: the server's CPU per Ask request ("weather in Paris",
 * answered from the forecast cache), as a multiple of the bare Helidon route's, both measured now in this JVM
 * ({@link CarrierCpu}) while {@link Wrk} keeps them busy. Throughput and response times move with whatever else uses
 * the cores, and Gatling itself takes most of them; the CPU a request takes hardly moves, so this budget can be
 * tight. An Ask that costs three times what it does now fails it on any machine.
 *
 * <p>Needs wrk (Debian's {@code wrk}; {@code .ci/run} installs it): skipped, saying so, without it, and against a
 * live server ({@code -Djeeves.url}). {@code -Dload.ask.cost} sets the budget (the multiple).
 */
@Tag("load")
class AskCostIT {
    private static final int ROUNDS = 6;
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final int CONNECTIONS = 16;
    private static final Duration ROUND = Duration.ofSeconds(1);
    private static final String WEATHER_IN_PARIS = "{\"user\":\"U0COST\",\"text\":\"weather in Paris\"}";

    @Test
    // tag::cost-budget[]
    void askCostsTheServerAtMostAFewTimesTheCpuOfTheBareRoute() {
        Optional<Wrk> found = Wrk.find();
        assumeTrue(found.isPresent(), "no wrk on the PATH (apt-get install wrk, or -Dload.wrk=/path/to/wrk)");
        Wrk wrk = found.get();
        WebServer bareRoute = BareRoute.start();
        try (LoadTarget jeeves = LoadTarget.start()) {
            assumeFalse(jeeves.isLive(), "the CPU of a server elsewhere (-Djeeves.url) cannot be measured from here");
            String bare = "http://127.0.0.1:" + bareRoute.port() + "/api/messages";
            String ask = jeeves.uri() + "/api/messages";
            List<String> authorized =
                    List.of("Content-Type: application/json", "Authorization: Bearer " + jeeves.token());
            wrk.post(bare, List.of("Content-Type: application/json"), WEATHER_IN_PARIS, CONNECTIONS, WARM_UP);
            wrk.post(ask, authorized, WEATHER_IN_PARIS, CONNECTIONS, WARM_UP.multipliedBy(2)); // the JIT's turn
            double[] bareCosts = new double[ROUNDS];
            double[] askCosts = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) { // alternating: a busier moment hurts both alike
                bareCosts[round] = cpuPerRequest(wrk, bare, List.of("Content-Type: application/json"));
                askCosts[round] = cpuPerRequest(wrk, ask, authorized);
            }
            // The cheapest round of each: the JIT done, the least disturbed by anything else.
            double bareCost = Arrays.stream(bareCosts).min().orElseThrow();
            double askCost = Arrays.stream(askCosts).min().orElseThrow();
            double budget = Double.parseDouble(System.getProperty("load.ask.cost", "3.5"));
            System.out.printf(
                    "Server CPU per request: bare route %.0f µs, Ask %.0f µs: %.2f times (budget %.1f)%n",
                    bareCost / 1e3, askCost / 1e3, askCost / bareCost, budget);
            assertThat(askCost / bareCost)
                    .as(
                            "the server's CPU per Ask (%.0f µs) as a multiple of the bare route's (%.0f µs)",
                            askCost / 1e3, bareCost / 1e3)
                    .isLessThan(budget);
        } finally {
            bareRoute.stop();
        }
    }
    // end::cost-budget[]

    /** The carriers' CPU nanoseconds per request while wrk keeps the server busy; every request must succeed. */
    private static double cpuPerRequest(Wrk wrk, String url, List<String> headers) {
        long before = CarrierCpu.nanos();
        Wrk.Run run = wrk.post(url, headers, WEATHER_IN_PARIS, CONNECTIONS, ROUND);
        double cost = (CarrierCpu.nanos() - before) / (double) run.requests();
        assertThat(run.failed()).as("requests to %s not answered 2xx", url).isZero();
        return cost;
    }
}
