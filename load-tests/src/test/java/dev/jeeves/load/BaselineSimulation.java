package dev.jeeves.load;

import static dev.jeeves.load.JeevesRequests.message;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.helidon.webserver.WebServer;
import java.util.Map;

/**
 * The floor Jeeves is measured against: the same client load as {@link AskSimulation} (same users, same request
 * shape, a closed model) on {@link BareRoute}, in its
 * own server on this machine. Ask throughput divided by this one is what Jeeves' work costs.
 */
@SuppressWarnings("this-escape") // Gatling's Java DSL calls setUp from the initializer, by design
public class BaselineSimulation extends Simulation {
    private final WebServer bare = BareRoute.start();
    private final LoadProfile load = LoadProfile.fromSystemProperties();

    private final ScenarioBuilder baseline = scenario("Bare Helidon")
            .feed(() -> java.util.stream.Stream.generate(() -> Map.<String, Object>of("user", "U0BASE"))
                    .iterator())
            .exec(message("bare route", "help"));

    {
        setUp(baseline.injectClosed(constantConcurrentUsers(load.users()).during(load.duration())))
                .protocols(JeevesRequests.protocol("http://127.0.0.1:" + bare.port(), "baseline"))
                .assertions(
                        global().failedRequests().percent().lt(1.0),
                        global().responseTime().percentile(99.0).lt(LoadProfile.budget("baseline", "p99", 100)));
    }

    @Override
    public void after() {
        bare.stop();
    }
}
