package dev.jeeves.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.jeeves.api.Secret;
import dev.jeeves.server.replies.Delivery;
import dev.jeeves.server.slack.SlackClient;
import dev.jeeves.server.upstream.Upstream;
import io.helidon.metrics.api.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Contract 2: what the server expects of Slack's {@code chat.postMessage}. The consumer code is the server's
 * real {@link SlackClient}. Slack does not verify our pacts, so {@link StubsHonourContractsTest} holds the
 * sandbox's Slack stub to this one instead.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = ContractFacts.SLACK_WEB_API, pactVersion = PactSpecVersion.V4)
@Tag("contract")
class SlackWebApiConsumerPactTest {
    private static final String BOT_TOKEN = "xoxb-contract-test";
    private static final String JSON_UTF8 = "application/json; charset=utf-8";

    @Pact(consumer = ContractFacts.JEEVES_SERVER)
    V4Pact postReply(PactDslWithProvider builder) {
        return post(builder.uponReceiving("a reply posted in a thread"), BOT_TOKEN, "C0GENERAL", true)
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", "application/json.*", JSON_UTF8)
                .body(new PactDslJsonBody()
                        .booleanValue("ok", true)
                        .stringType("channel", "C0GENERAL")
                        .stringMatcher("ts", "\\d+\\.\\d+", "1503435956.000247"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "postReply")
    void anAcceptedReplyIsDelivered(MockServer server) {
        assertThat(client(server, BOT_TOKEN)
                        .post("C0GENERAL", "Berlin, Germany: 18°C", Optional.of("1700000000.000100")))
                .isEqualTo(Delivery.delivered());
    }

    @Pact(consumer = ContractFacts.JEEVES_SERVER)
    V4Pact postToUnknownChannel(PactDslWithProvider builder) {
        return post(builder.uponReceiving("a reply to a channel that does not exist"), BOT_TOKEN, "C0NOTFOUND", false)
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", "application/json.*", JSON_UTF8)
                .body(new PactDslJsonBody().booleanValue("ok", false).stringValue("error", "channel_not_found"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "postToUnknownChannel")
    void okFalseWithHttp200IsRefusedForGood(MockServer server) {
        assertThat(client(server, BOT_TOKEN).post("C0NOTFOUND", "hello", Optional.empty()))
                .isEqualTo(Delivery.refused("Slack refused it: channel_not_found"));
    }

    @Pact(consumer = ContractFacts.JEEVES_SERVER)
    V4Pact postWhileRateLimited(PactDslWithProvider builder) {
        return post(
                        builder.uponReceiving("a reply while the channel is rate limited"),
                        BOT_TOKEN,
                        "C0RATELIMITED",
                        false)
                .willRespondWith()
                .status(429)
                .matchHeader("Retry-After", "\\d+", "1")
                .body(new PactDslJsonBody().booleanValue("ok", false).stringValue("error", "ratelimited"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "postWhileRateLimited")
    void aRateLimitIsWorthTryingAgainLater(MockServer server) {
        // One attempt only: the retry that honours Retry-After is the functional suite's business.
        assertThat(client(server, BOT_TOKEN)
                        .post("C0RATELIMITED", "hello", Optional.empty())
                        .outcome())
                .isEqualTo(Delivery.Outcome.UNAVAILABLE);
    }

    @Pact(consumer = ContractFacts.JEEVES_SERVER)
    V4Pact postWithUnknownToken(PactDslWithProvider builder) {
        return builder.uponReceiving("a reply with a token Slack does not know")
                .method("POST")
                .path("/api/chat.postMessage")
                .headers(Map.of("Authorization", "Bearer not-a-slack-token", "Content-Type", JSON_UTF8))
                .body(new PactDslJsonBody().stringType("channel", "C0GENERAL").stringType("text", "hello"))
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", "application/json.*", JSON_UTF8)
                .body(new PactDslJsonBody().booleanValue("ok", false).stringValue("error", "invalid_auth"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "postWithUnknownToken")
    void anUnknownTokenIsRefusedForGood(MockServer server) {
        assertThat(client(server, "not-a-slack-token").post("C0GENERAL", "hello", Optional.empty()))
                .isEqualTo(Delivery.refused("Slack refused it: invalid_auth"));
    }

    private static PactDslRequestWithPath post(
            au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath request,
            String token,
            String channel,
            boolean inThread) {
        PactDslJsonBody body =
                new PactDslJsonBody().stringValue("channel", channel).stringType("text", "hello");
        if (inThread) {
            body.stringMatcher("thread_ts", "\\d+\\.\\d+", "1700000000.000100");
        }
        return request.method("POST")
                .path("/api/chat.postMessage")
                .matchHeader("Authorization", "Bearer xoxb-.+", "Bearer " + token)
                .matchHeader("Content-Type", "application/json.*", JSON_UTF8)
                .body(body);
    }

    /** The server's Slack client, pointed at the mock, one attempt per message. */
    private static SlackClient client(MockServer server, String token) {
        Duration timeout = Duration.ofSeconds(5);
        Upstream upstream = new Upstream(Upstream.httpClient(timeout), MeterRegistry.create());
        return new SlackClient(
                upstream,
                URI.create(server.getUrl() + "/api"),
                Optional.of(Secret.of(token)),
                1,
                timeout,
                MeterRegistry.create());
    }
}
