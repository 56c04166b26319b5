package dev.jeeves.server.slack;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jeeves.api.Json;
import dev.jeeves.api.Secret;
import dev.jeeves.server.replies.Delivery;
import dev.jeeves.server.replies.Replies;
import dev.jeeves.server.upstream.Upstream;
import dev.jeeves.server.upstream.UpstreamException;
import io.helidon.faulttolerance.Retry;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Posts replies with Slack's {@code chat.postMessage}, their plain text escaped for Slack ({@link SlackText}), so no
 * reply notifies a channel or links anywhere because of what a user wrote. Slack answers HTTP 200 even for failures, so {@code ok}
 * is always checked (the book's version ignored it). A 429 is retried after its {@code Retry-After}; a 5xx or a
 * timeout with backoff; all bounded. Every outcome is counted in {@code jeeves.slack.posts}, and a reply that
 * cannot be delivered is logged as an error, never dropped silently.
 */
public final class SlackClient implements Replies {
    private static final Logger LOG = Logger.getLogger(SlackClient.class.getName());
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(30);

    private final Upstream upstream;
    private final URI apiUrl;
    private final Optional<Secret> botToken;
    private final int attempts;
    private final Duration readTimeout;
    private final MeterRegistry meters;

    /**
     * Creates the client.
     *
     * @param upstream the shared HTTP caller
     * @param apiUrl base URL of Slack's Web API, e.g. {@code https://slack.com/api}
     * @param botToken the bot token; without it nothing can be posted (counted as {@code no_token})
     * @param attempts attempts per message, the first included
     * @param readTimeout how long one attempt waits for Slack's answer
     */
    public SlackClient(
            Upstream upstream,
            URI apiUrl,
            Optional<Secret> botToken,
            int attempts,
            Duration readTimeout,
            MeterRegistry meters) {
        this.upstream = upstream;
        this.apiUrl = apiUrl;
        this.botToken = botToken;
        this.attempts = attempts;
        this.readTimeout = readTimeout;
        this.meters = meters;
    }

    @Override
    public Delivery post(String channel, String text, Optional<String> threadTs) {
        if (botToken.isEmpty()) {
            LOG.severe("reply to " + channel + " not sent: set JEEVES_SLACK_BOT_TOKEN to post to Slack");
            return outcome("no_token", Delivery.refused("no bot token: set JEEVES_SLACK_BOT_TOKEN"));
        }
        String body = json(new PostMessage(channel, SlackText.fromPlain(text), threadTs.orElse(null)));
        RetryAfterPolicy policy = new RetryAfterPolicy(attempts, Duration.ofMillis(200), LONGEST_RETRY_AFTER);
        Retry retry = Retry.builder()
                .calls(attempts)
                .retryPolicy(policy)
                .overallTimeout(LONGEST_RETRY_AFTER.plus(readTimeout).multipliedBy(attempts))
                .addApplyOn(UpstreamException.Transient.class)
                .enableMetrics(false)
                .build();
        try {
            PostMessageAnswer answer = retry.invoke(() -> attempt(body, policy));
            if (Boolean.TRUE.equals(answer.ok())) {
                return outcome("ok", Delivery.delivered());
            }
            String error = answer.error() == null ? "no error given" : answer.error();
            LOG.severe("Slack refused the reply to " + channel + ": " + error);
            return outcome("rejected", Delivery.refused("Slack refused it: " + error));
        } catch (Refused e) {
            LOG.severe("Slack refused the reply to " + channel + ": " + e.getMessage());
            return outcome("rejected", Delivery.refused(e.getMessage()));
        } catch (RuntimeException e) {
            // Rate limits, 5xx, timeouts after every attempt, an interrupted stop: worth trying again later.
            LOG.log(Level.WARNING, "reply to {0} not delivered now: {1}", new Object[] {channel, e.getMessage()});
            return outcome("failed", Delivery.unavailable(String.valueOf(e.getMessage())));
        }
    }

    private PostMessageAnswer attempt(String body, RetryAfterPolicy policy) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/chat.postMessage"))
                .timeout(readTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + botToken.orElseThrow().reveal())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = upstream.send("slack", request);
        int status = response.statusCode();
        if (status == 429) {
            Duration wait = response.headers().firstValueAsLong("Retry-After").stream()
                    .mapToObj(Duration::ofSeconds)
                    .findFirst()
                    .orElse(Duration.ofSeconds(1));
            policy.serverAsked(wait);
            throw new UpstreamException.Transient("Slack rate limit: retry after " + wait.toSeconds() + " s");
        }
        if (status >= 500) {
            throw new UpstreamException.Transient("Slack answered HTTP " + status);
        }
        if (status != 200) {
            throw new Refused("Slack answered HTTP " + status);
        }
        try {
            return Json.MAPPER.readValue(response.body(), PostMessageAnswer.class);
        } catch (JsonProcessingException e) {
            throw new UpstreamException("Slack answered malformed JSON", e);
        }
    }

    private static String json(PostMessage message) {
        try {
            return Json.MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 4xx other than 429: the same request would be refused again. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** {@code chat.postMessage}'s arguments, as Slack names them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record PostMessage(
            String channel,
            String text,
            @JsonProperty("thread_ts") String threadTs) {}

    /**
     * What of Slack's answer matters: it says HTTP 200 for failures too, so {@code ok} is the outcome (an answer
     * without it is a refusal, not malformed JSON).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record PostMessageAnswer(Boolean ok, String error) {}

    private Delivery outcome(String outcome, Delivery delivery) {
        meters.getOrCreate(Counter.builder("jeeves.slack.posts")
                        .description("Replies posted to Slack, by outcome")
                        .tags(List.of(Tag.create("outcome", outcome))))
                .increment();
        return delivery;
    }
}
