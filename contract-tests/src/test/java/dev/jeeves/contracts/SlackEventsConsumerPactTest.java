package dev.jeeves.contracts;

import static dev.jeeves.contracts.ContractFacts.FORGED_SIGNATURE;
import static dev.jeeves.contracts.ContractFacts.SLACK_SIGNING_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Contract 4: the Events API requests Slack sends to Jeeves, written from Slack's documented payloads and signed
 * as Slack signs them (with Slack's own SDK). Slack is the consumer here; {@link ServerProviderPactIT} verifies
 * the real server against this pact, re-signing each request because a signature is only good for five minutes
 * and for the exact bytes sent.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = ContractFacts.JEEVES_SERVER, pactVersion = PactSpecVersion.V4)
@Tag("contract")
class SlackEventsConsumerPactTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    // tag::slack-event-contract[]
    static final String URL_VERIFICATION = """
            {"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",\
            "type":"url_verification"}""";

    static final String APP_MENTION = """
            {"token":"XXYYZZ","team_id":"T0TEAM","api_app_id":"A0JEEVES","type":"event_callback",\
            "event_id":"Ev0MENTION1","event_time":1700000000,"authorizations":[{"user_id":"U0JEEVES","is_bot":true}],\
            "event":{"type":"app_mention","user":"U0ALICE","text":"<@U0JEEVES> weather in Paris",\
            "ts":"1700000000.000100","channel":"C0GENERAL","event_ts":"1700000000.000100"}}""";
    // end::slack-event-contract[]

    static final String DIRECT_MESSAGE = """
            {"token":"XXYYZZ","team_id":"T0TEAM","api_app_id":"A0JEEVES","type":"event_callback",\
            "event_id":"Ev0DIRECT1","event_time":1700000000,\
            "event":{"type":"message","channel_type":"im","user":"U0ALICE","text":"help",\
            "ts":"1700000000.000200","channel":"D0ALICE","event_ts":"1700000000.000200"}}""";

    static final String RETRIED_MENTION = """
            {"token":"XXYYZZ","team_id":"T0TEAM","api_app_id":"A0JEEVES","type":"event_callback",\
            "event_id":"Ev0RETRIED1","event_time":1700000000,\
            "event":{"type":"app_mention","user":"U0ALICE","text":"<@U0JEEVES> weather in Berlin",\
            "ts":"1700000000.000300","channel":"C0GENERAL","event_ts":"1700000000.000300"}}""";

    @Pact(consumer = ContractFacts.SLACK_EVENTS)
    V4Pact urlVerification(PactDslWithProvider builder) {
        return signed(builder.uponReceiving("Slack's check of the request URL"), URL_VERIFICATION)
                .willRespondWith()
                .status(200)
                .body(new PactDslJsonBody()
                        .stringValue("challenge", "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "urlVerification")
    void jeevesEchoesTheChallenge(MockServer server) throws Exception {
        HttpResponse<String> response = send(server, URL_VERIFICATION, Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Pact(consumer = ContractFacts.SLACK_EVENTS)
    V4Pact appMention(PactDslWithProvider builder) {
        return signed(
                        builder.given("Slack's Web API accepts replies").uponReceiving("a mention in a channel"),
                        APP_MENTION)
                .willRespondWith()
                .status(200)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "appMention")
    void aMentionIsAcknowledgedAtOnce(MockServer server) throws Exception {
        assertThat(send(server, APP_MENTION, Map.of()).statusCode()).isEqualTo(200);
    }

    @Pact(consumer = ContractFacts.SLACK_EVENTS)
    V4Pact directMessage(PactDslWithProvider builder) {
        return signed(
                        builder.given("Slack's Web API accepts replies").uponReceiving("a direct message"),
                        DIRECT_MESSAGE)
                .willRespondWith()
                .status(200)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "directMessage")
    void aDirectMessageIsAcknowledgedAtOnce(MockServer server) throws Exception {
        assertThat(send(server, DIRECT_MESSAGE, Map.of()).statusCode()).isEqualTo(200);
    }

    @Pact(consumer = ContractFacts.SLACK_EVENTS)
    V4Pact retriedEvent(PactDslWithProvider builder) {
        return signed(
                        builder.given("event Ev0RETRIED1 was already received")
                                .uponReceiving("Slack's first retry of an event it thinks timed out"),
                        RETRIED_MENTION)
                .headers(Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"))
                .willRespondWith()
                .status(200)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "retriedEvent")
    void aRetryIsAcknowledgedToo(MockServer server) throws Exception {
        var retry = Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout");
        assertThat(send(server, RETRIED_MENTION, retry).statusCode()).isEqualTo(200);
    }

    @Pact(consumer = ContractFacts.SLACK_EVENTS)
    V4Pact forgedSignature(PactDslWithProvider builder) {
        return builder.uponReceiving("an event with a signature that does not match")
                .method("POST")
                .path("/slack/events")
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .matchHeader("X-Slack-Request-Timestamp", "\\d+", "1700000000")
                .headers("X-Slack-Signature", FORGED_SIGNATURE)
                .body(APP_MENTION, "application/json")
                .willRespondWith()
                .status(401)
                .headers(Map.of("Content-Type", "application/problem+json"))
                .body(new PactDslJsonBody()
                        .integerType("status", 401)
                        .stringMatcher(
                                "detail",
                                "not a genuine Slack request: .+",
                                "not a genuine Slack request: bad signature"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "forgedSignature")
    void aForgedSignatureIsRefused(MockServer server) throws Exception {
        var forged = Map.of("X-Slack-Signature", FORGED_SIGNATURE);
        assertThat(send(server, APP_MENTION, forged).statusCode()).isEqualTo(401);
    }

    /** A POST as Slack sends it: JSON, a timestamp, and a signature over both. */
    private static PactDslRequestWithPath signed(PactDslRequestWithoutPath request, String body) {
        return request.method("POST")
                .path("/slack/events")
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .matchHeader("X-Slack-Request-Timestamp", "\\d+", "1700000000")
                .matchHeader("X-Slack-Signature", "v0=[0-9a-f]{64}", signature("1700000000", body))
                .body(body, "application/json");
    }

    /** Sends a body the way Slack does: signed now with the app's signing secret, plus any extra headers. */
    private static HttpResponse<String> send(MockServer server, String body, Map<String, String> extra)
            throws IOException, InterruptedException {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        var request = HttpRequest.newBuilder(URI.create(server.getUrl() + "/slack/events"))
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", timestamp)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!extra.containsKey("X-Slack-Signature")) {
            request.header("X-Slack-Signature", signature(timestamp, body));
        }
        extra.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String signature(String timestamp, String body) {
        return new SlackSignature.Generator(SLACK_SIGNING_SECRET).generate(timestamp, body);
    }
}
