package dev.jeeves.load;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.jeeves.load.JeevesRequests.message;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Slack events and API questions while the upstreams misbehave: every stub answer is slower, about 3 % of
 * Slack's {@code chat.postMessage} calls fail once with a 500 and 3 % with a 429 and {@code Retry-After: 1}, and
 * 5 % of the places asked about time out once at Open-Meteo. Jeeves must answer no 5xx and still deliver every
 * reply exactly once. Faults go only into stubs this run started: against a live server ({@code jeeves.url}) the
 * same traffic runs without them and without the delivery check.
 */
@SuppressWarnings("this-escape") // Gatling's Java DSL calls setUp from the initializer, by design
public class SoakWithFaultsSimulation extends Simulation {
    private final LoadTarget target = LoadTarget.start();
    private final LoadProfile load = LoadProfile.fromSystemProperties();
    private final SlackTraffic traffic = new SlackTraffic(target.signingSecret(), 0.03);
    private final AtomicInteger places = new AtomicInteger();

    private final ScenarioBuilder slack = scenario("Slack events with faults").exec(JeevesRequests.slackEvent(traffic));

    private final ScenarioBuilder ask = scenario("Ask with slow places")
            .feed(Stream.generate(() ->
                            Map.<String, Object>of("user", "U0SOAK", "place", "Atlantis " + places.incrementAndGet()))
                    .iterator())
            .exec(message("weather in an unknown place", "weather in #{place}"));

    {
        target.stubs().ifPresent(stubs -> {
            int planned = (int) Math.ceil(load.rate() * load.duration().toSeconds()) + 50;
            injectSlackFaults(stubs.slack(), planned);
            injectOpenMeteoTimeouts(stubs.openMeteo(), planned);
        });
        List<PopulationBuilder> populations = new ArrayList<>();
        PopulationBuilder events =
                slack.injectOpen(constantUsersPerSec(load.rate()).during(load.duration()));
        List<Assertion> budgets = new ArrayList<>(List.of(
                global().failedRequests().count().is(0L),
                // The ack's p99 in the CI shape is nearly its slowest request, while the stubs are slow and failing on
                // two shared cores: 73-230 ms measured in one afternoon, before and after the same commit, and 503 ms
                // in a clean-clone CI run on a busy day. The ack Slack needs is under 3 s; this budget catches a
                // slowed path, not a busy machine.
                details("Slack event")
                        .responseTime()
                        .percentile(99.0)
                        .lt(LoadProfile.budget("soak-events", "p99", 1000)),
                // One Open-Meteo timeout (1 s) and a retry at most, never a second timeout.
                details("weather in an unknown place")
                        .responseTime()
                        .percentile(99.0)
                        .lt(LoadProfile.budget("soak-ask", "p99", 2000))));
        if (target.stubs().isPresent()) {
            String slackStub = target.stubs().orElseThrow().slack().baseUrl();
            events = events.andThen(
                    JeevesRequests.deliveryCheck(slackStub, traffic).injectOpen(atOnceUsers(1)));
            budgets.add(
                    details(JeevesRequests.DELIVERY_CHECK).allRequests().count().is(1L));
        }
        populations.add(events);
        populations.add(ask.injectOpen(constantUsersPerSec(load.rate() / 2).during(load.duration())));
        setUp(populations)
                .protocols(JeevesRequests.protocol(target.uri(), target.token()))
                .assertions(budgets);
    }

    // tag::fault-injection[]
    /** Slower answers, and some channels whose first reply fails with a 500 or a 429 (then succeeds). */
    private static void injectSlackFaults(WireMockServer slack, int planned) {
        slack.setGlobalFixedDelay(30);
        for (int n = 1; n <= planned; n++) {
            int fault = n % 33;
            if (fault != 0 && fault != 16) {
                continue;
            }
            String channel = SlackTraffic.channel(n);
            var failure = fault == 0
                    ? aResponse().withStatus(500)
                    : aResponse().withStatus(429).withHeader("Retry-After", "1");
            slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                    .atPriority(1)
                    .withRequestBody(matchingJsonPath("$.channel", equalTo(channel)))
                    .inScenario("fault " + channel)
                    .whenScenarioStateIs(STARTED)
                    .willReturn(failure)
                    .willSetStateTo("recovered"));
        }
    }

    /** Slower geocoding, and some places whose first search outlasts Jeeves' read timeout (then answers). */
    private static void injectOpenMeteoTimeouts(WireMockServer openMeteo, int planned) {
        openMeteo.setGlobalFixedDelay(20);
        for (int n = 20; n <= planned; n += 20) {
            String place = "Atlantis " + n;
            openMeteo.stubFor(get(urlPathEqualTo("/v1/search"))
                    .atPriority(1)
                    .withQueryParam("name", equalTo(place))
                    .inScenario("timeout " + place)
                    .whenScenarioStateIs(STARTED)
                    .willReturn(
                            aResponse().withFixedDelay(1_500).withStatus(200).withBody("{}"))
                    .willSetStateTo("recovered"));
        }
    }
    // end::fault-injection[]

    @Override
    public void after() {
        target.close();
    }
}
