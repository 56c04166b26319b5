package dev.jeeves.server.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.jeeves.api.Secret;
import dev.jeeves.server.replies.Delivery;
import dev.jeeves.server.upstream.Upstream;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code chat.postMessage} is sent, and how each of Slack's answers becomes a delivery, against a stub. */
class SlackClientTest {
    static final String POST_MESSAGE = "/api/chat.postMessage";

    WireMockServer slack;
    MeterRegistry meters;
    final Map<String, Double> countedBefore = new HashMap<>();
    SlackClient client;

    @BeforeEach
    void start() {
        slack = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        slack.start();
        meters = MeterRegistry.create();
        for (String outcome : List.of("ok", "no_token", "rejected", "failed")) {
            countedBefore.put(outcome, countedOutcomes(outcome));
        }
        client = client(Optional.of(Secret.of("xoxb-test")), Duration.ofSeconds(5));
    }

    /** A client that makes three attempts, each waiting {@code readTimeout} for Slack's answer. */
    SlackClient client(Optional<Secret> token, Duration readTimeout) {
        return new SlackClient(
                new Upstream(Upstream.httpClient(Duration.ofSeconds(2)), meters),
                URI.create(slack.baseUrl() + "/api"),
                token,
                3,
                readTimeout,
                meters);
    }

    @AfterEach
    void stop() {
        slack.stop();
    }

    Delivery postHello() {
        return client.post("C1", "hello", Optional.empty());
    }

    int posts() {
        return slack.countRequestsMatching(
                        postRequestedFor(urlPathEqualTo(POST_MESSAGE)).build())
                .getCount();
    }

    /**
     * Posts counted with this outcome since the test began. Helidon's registries share their meters' counts across the
     * JVM, and a registry sees a meter only once it has been asked for it: the baseline asks for it by name first.
     */
    double outcomes(String outcome) {
        return countedOutcomes(outcome) - countedBefore.getOrDefault(outcome, 0.0);
    }

    double countedOutcomes(String outcome) {
        return meters.getOrCreate(Counter.builder("jeeves.slack.posts").tags(List.of(Tag.create("outcome", outcome))))
                .count();
    }

    @Test
    void postsTheEscapedTextInTheThreadWithTheBotToken() {
        slack.stubFor(post(POST_MESSAGE).willReturn(okJson("{\"ok\":true}")));
        Delivery delivery = client.post("C1", "a <!channel> & more", Optional.of("1700000000.000100"));
        assertThat(delivery).isEqualTo(Delivery.delivered());
        slack.verify(
                postRequestedFor(urlPathEqualTo(POST_MESSAGE))
                        .withHeader("Authorization", equalTo("Bearer xoxb-test"))
                        .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"channel\":\"C1\",\"text\":\"a &lt;!channel&gt; &amp; more\",\"thread_ts\":\"1700000000.000100\"}")));
        assertThat(outcomes("ok")).isEqualTo(1);
    }

    @Test
    void leavesTheThreadOutOfAReplyOutsideOne() {
        slack.stubFor(post(POST_MESSAGE).willReturn(okJson("{\"ok\":true}")));
        postHello();
        slack.verify(postRequestedFor(urlPathEqualTo(POST_MESSAGE))
                .withRequestBody(equalToJson("{\"channel\":\"C1\",\"text\":\"hello\"}")));
    }

    @Test
    void refusesToPostWithoutABotTokenAndSendsNothing() {
        Delivery delivery = client(Optional.empty(), Duration.ofSeconds(5)).post("C1", "hello", Optional.empty());
        assertThat(delivery).isEqualTo(Delivery.refused("no bot token: set JEEVES_SLACK_BOT_TOKEN"));
        assertThat(posts()).isZero();
        assertThat(outcomes("no_token")).isEqualTo(1);
    }

    @Test
    void aRefusalInAnHttp200IsARefusal() {
        slack.stubFor(post(POST_MESSAGE).willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));
        assertThat(postHello()).isEqualTo(Delivery.refused("Slack refused it: channel_not_found"));
        assertThat(posts()).as("not retried").isEqualTo(1);
        assertThat(outcomes("rejected")).isEqualTo(1);
    }

    @Test
    void anAnswerWithoutOkIsARefusal() {
        slack.stubFor(post(POST_MESSAGE).willReturn(okJson("{\"warning\":\"what\"}")));
        assertThat(postHello()).isEqualTo(Delivery.refused("Slack refused it: no error given"));
    }

    @Test
    void aClientErrorIsRefusedWithoutRetrying() {
        slack.stubFor(post(POST_MESSAGE).willReturn(aResponse().withStatus(404)));
        assertThat(postHello()).isEqualTo(Delivery.refused("Slack answered HTTP 404"));
        assertThat(posts()).isEqualTo(1);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 503})
    void aServerErrorIsRetriedThenLeftForLater(int status) {
        slack.stubFor(post(POST_MESSAGE).willReturn(aResponse().withStatus(status)));
        Delivery delivery = postHello();
        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.UNAVAILABLE);
        assertThat(delivery.detail()).contains("Slack answered HTTP " + status);
        assertThat(posts()).as("every attempt").isEqualTo(3);
        assertThat(outcomes("failed")).as("counted once, as failed").isEqualTo(1);
    }

    @Test
    void aRateLimitIsRetriedAfterWhatSlackAsks() {
        slack.stubFor(post(POST_MESSAGE)
                .inScenario("rate limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("waited"));
        slack.stubFor(post(POST_MESSAGE)
                .inScenario("rate limit")
                .whenScenarioStateIs("waited")
                .willReturn(okJson("{\"ok\":true}")));
        long start = System.nanoTime();
        assertThat(postHello()).isEqualTo(Delivery.delivered());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(posts()).isEqualTo(2);
    }

    @Test
    void malformedJsonIsLeftForLaterWithoutRetryingNow() {
        slack.stubFor(post(POST_MESSAGE).willReturn(okJson("{\"ok\":")));
        Delivery delivery = postHello();
        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.UNAVAILABLE);
        assertThat(delivery.detail()).isEqualTo("Slack answered malformed JSON");
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void aSlackThatDoesNotAnswerInTimeIsRetriedThenLeftForLater() {
        slack.stubFor(post(POST_MESSAGE).willReturn(okJson("{\"ok\":true}").withFixedDelay(1_000)));
        Delivery delivery = client(Optional.of(Secret.of("xoxb-test")), Duration.ofMillis(200))
                .post("C1", "hello", Optional.empty());
        assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.UNAVAILABLE);
        assertThat(delivery.detail()).isEqualTo("slack did not answer in time");
        assertThat(posts()).isEqualTo(3);
    }
}
