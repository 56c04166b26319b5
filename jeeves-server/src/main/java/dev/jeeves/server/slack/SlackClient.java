package dev.jeeves.server.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jeeves.server.Json;
import dev.jeeves.server.Secret;
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
 * Posts replies with Slack's {@code chat.postMessage}. Slack answers HTTP 200 even for failures, so {@code ok}
 * is always checked (the book's version ignored it). A 429 is retried after its {@code Retry-After}; a 5xx or a
 * timeout with backoff; all bounded. Every outcome is counted in {@code jeeves.slack.posts}, and a reply that
 * cannot be delivered is logged as an error, never dropped silently.
 */
public final class SlackClient {
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

    /**
     * Posts a message.
     *
     * @param channel a channel id, or a user id for their direct messages
     * @param text the message
     * @param threadTs the thread to answer in, if any
     * @return true when Slack accepted it
     */
    public boolean postMessage(String channel, String text, Optional<String> threadTs) {
        if (botToken.isEmpty()) {
            LOG.severe("reply to " + channel + " not sent: set JEEVES_SLACK_BOT_TOKEN to post to Slack");
            return outcome("no_token", false);
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("channel", channel).put("text", text);
        threadTs.ifPresent(ts -> body.put("thread_ts", ts));
        RetryAfterPolicy policy = new RetryAfterPolicy(attempts, Duration.ofMillis(200), LONGEST_RETRY_AFTER);
        Retry retry = Retry.builder()
                .calls(attempts)
                .retryPolicy(policy)
                .overallTimeout(LONGEST_RETRY_AFTER.plus(readTimeout).multipliedBy(attempts))
                .addApplyOn(UpstreamException.Transient.class)
                .enableMetrics(false)
                .build();
        try {
            JsonNode answer = retry.invoke(() -> attempt(body.toString(), policy));
            if (answer.path("ok").asBoolean(false)) {
                return outcome("ok", true);
            }
            LOG.severe("Slack refused the reply to " + channel + ": "
                    + answer.path("error").asText("no error given"));
            return outcome("rejected", false);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "reply to {0} not delivered after {1} attempts: {2}", new Object[] {
                channel, attempts, e.getMessage()
            });
            return outcome("failed", false);
        }
    }

    private JsonNode attempt(String body, RetryAfterPolicy policy) {
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
            throw new UpstreamException("Slack answered HTTP " + status);
        }
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new UpstreamException("Slack answered malformed JSON", e);
        }
    }

    private boolean outcome(String outcome, boolean delivered) {
        meters.getOrCreate(Counter.builder("jeeves.slack.posts")
                        .description("Replies posted to Slack, by outcome")
                        .tags(List.of(Tag.create("outcome", outcome))))
                .increment();
        return delivered;
    }
}
