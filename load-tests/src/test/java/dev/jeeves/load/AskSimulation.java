package dev.jeeves.load;

import static dev.jeeves.load.JeevesRequests.message;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.jeeves.stubs.SandboxStubs;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * What people ask Jeeves through the API, as fast as {@code load.users} concurrent users can (a closed model, so
 * the throughput is what Jeeves manages, comparable with {@link BaselineSimulation}): mostly the weather in a
 * known city (answered from the forecast cache once warm), then help, location and settings reads and writes.
 */
@SuppressWarnings("this-escape") // Gatling's Java DSL calls setUp from the initializer, by design
public class AskSimulation extends Simulation {
    private final LoadTarget target = LoadTarget.start();
    private final LoadProfile load = LoadProfile.fromSystemProperties();

    private final Iterator<Map<String, Object>> users = Stream.generate(() -> Map.<String, Object>of(
                    "user", "U0ASK%03d".formatted(ThreadLocalRandom.current().nextInt(200))))
            .iterator();

    // tag::ask-scenario[]
    private final ScenarioBuilder ask = scenario("Ask")
            .feed(users)
            .feed(listFeeder(SandboxStubs.CITIES.stream()
                            .map(city -> Map.<String, Object>of("city", city))
                            .toList())
                    .random())
            .randomSwitch()
            .on(
                    percent(60.0).then(message("weather in a city", "weather in #{city}")),
                    percent(10.0).then(message("help", "help")),
                    percent(10.0).then(message("location set", "location set #{city}")),
                    percent(5.0).then(message("location show", "location")),
                    percent(10.0).then(message("config set", "config set units metric")),
                    percent(5.0).then(message("config show", "config show")));

    {
        setUp(ask.injectClosed(constantConcurrentUsers(load.users()).during(load.duration())))
                .protocols(JeevesRequests.protocol(target.uri(), target.token()))
                .assertions(
                        global().failedRequests().percent().lt(1.0),
                        global().requestsPerSec().gte(minimumThroughput()),
                        global().responseTime().percentile(95.0).lt(LoadProfile.budget("ask", "p95", 150)),
                        global().responseTime().percentile(99.0).lt(LoadProfile.budget("ask", "p99", 400)));
    }
    // end::ask-scenario[]

    /**
     * The throughput budget: a fraction ({@code -Dload.ask.ratio}) of what the bare Helidon route manages on this
     * machine, measured now. The response time budgets above are absolute, with the margin a busy machine needs;
     * this one moves with the machine, and is what catches a Jeeves that became a few times slower. Against a live
     * server (elsewhere, behind other hardware) the local yardstick means nothing: no throughput budget then.
     */
    // tag::relative-budget[]
    private double minimumThroughput() {
        if (target.isLive()) {
            return 0;
        }
        double bare = BaselineCalibration.requestsPerSecond(load.users(), Duration.ofSeconds(3));
        double minimum = LoadProfile.ratio("ask", 0.08) * bare;
        System.out.printf("Ask budget: at least %.0f requests/s (the bare route manages %.0f now)%n", minimum, bare);
        return minimum;
    }
    // end::relative-budget[]

    @Override
    public void after() {
        target.close();
    }
}
