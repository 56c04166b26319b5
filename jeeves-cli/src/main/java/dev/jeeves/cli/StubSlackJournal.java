package dev.jeeves.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jeeves.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds, in the sandbox's stub Slack, the {@code chat.postMessage} that answered an event: the newest post to the
 * event's channel (and thread, for a mention) made after the event was sent. Polled until a deadline, since Jeeves
 * answers after it has acknowledged the event.
 *
 * <pre>{@code
 * new StubSlackJournal(journal).reply("DU0CLIUSER", Optional.empty(), sentAt, Duration.ofSeconds(10));
 * }</pre>
 */
final class StubSlackJournal {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final URI journal;

    StubSlackJournal(URI journal) {
        this.journal = journal;
    }

    /**
     * The reply's text, or empty when none arrived within {@code wait}.
     *
     * @throws CliException when the journal cannot be read (the sandbox stopped)
     */
    Optional<String> reply(String channel, Optional<String> threadTs, Instant sentAt, Duration wait) {
        // Elapsed time, not the wall clock (which tests fix, and which may jump): how long we have waited.
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<String> reply = find(channel, threadTs, sentAt);
            if (reply.isPresent() || System.nanoTime() - deadline >= 0) {
                return reply;
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private Optional<String> find(String channel, Optional<String> threadTs, Instant sentAt) {
        for (JsonNode served : read().path("requests")) {
            JsonNode request = served.path("request");
            if (!request.path("url").asText().endsWith("/chat.postMessage")
                    || request.path("loggedDate").asLong() < sentAt.toEpochMilli()) {
                continue;
            }
            JsonNode post = parse(request.path("body").asText());
            if (post.path("channel").asText().equals(channel)
                    && threadTs.map(ts -> ts.equals(post.path("thread_ts").asText()))
                            .orElse(!post.has("thread_ts"))) {
                return Optional.of(post.path("text").asText());
            }
        }
        return Optional.empty();
    }

    private JsonNode read() {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) journal.toURL().openConnection();
            connection.setConnectTimeout(2_000);
            connection.setReadTimeout(5_000);
            try (InputStream in = connection.getInputStream()) {
                return Json.MAPPER.readTree(in);
            }
        } catch (IOException e) {
            throw new CliException(
                    CliException.FAILURE,
                    "cannot read the stub Slack at " + journal + " (" + e.getMessage() + "): is the sandbox running?",
                    e);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static JsonNode parse(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return Json.MAPPER.missingNode();
        }
    }
}
