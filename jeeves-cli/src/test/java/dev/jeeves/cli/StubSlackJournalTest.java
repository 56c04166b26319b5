package dev.jeeves.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.jeeves.api.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox's Slack journal read as `jeeves slack send` reads it: WireMock's request log, served by the JDK. */
class StubSlackJournalTest {
    private static final Instant SENT = Instant.parse("2026-12-01T10:00:00Z");

    private HttpServer server;
    private final AtomicInteger reads = new AtomicInteger();
    private volatile ArrayNode requests = Json.MAPPER.createArrayNode();
    private volatile int emptyReadsFirst;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/__admin/requests", exchange -> {
            ObjectNode journal = Json.MAPPER.createObjectNode();
            journal.set(
                    "requests", reads.incrementAndGet() > emptyReadsFirst ? requests : Json.MAPPER.createArrayNode());
            byte[] body = journal.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private StubSlackJournal journal() {
        return new StubSlackJournal(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/__admin/requests"));
    }

    private void served(String path, Instant at, String body) {
        ObjectNode request = requests.addObject().putObject("request");
        request.put("url", path);
        request.put("loggedDate", at.toEpochMilli());
        request.put("body", body);
    }

    private static String post(String channel, String threadTs, String text) {
        ObjectNode post = Json.MAPPER.createObjectNode().put("channel", channel).put("text", text);
        if (threadTs != null) {
            post.put("thread_ts", threadTs);
        }
        return post.toString();
    }

    @Test
    void findsTheReplyToTheChannelPostedAfterTheEventAmongTheOthers() {
        served("/api/chat.postMessage", SENT.minusSeconds(1), post("D1", null, "an earlier answer"));
        served("/api/auth.test", SENT.plusSeconds(1), post("D1", null, "not a post"));
        served("/api/chat.postMessage", SENT.plusSeconds(1), "not json");
        served("/api/chat.postMessage", SENT.plusSeconds(1), post("D2", null, "another channel"));
        served("/api/chat.postMessage", SENT.plusSeconds(1), post("D1", "1.5", "in a thread"));
        served("/api/chat.postMessage", SENT, post("D1", null, "the answer"));

        assertThat(journal().reply("D1", Optional.empty(), SENT, Duration.ofSeconds(5)))
                .contains("the answer");
    }

    @Test
    void findsAMentionsReplyInItsThreadOnly() {
        served("/api/chat.postMessage", SENT, post("C1", null, "not threaded"));
        served("/api/chat.postMessage", SENT, post("C1", "9.9", "another thread"));
        served("/api/chat.postMessage", SENT, post("C1", "1.5", "in the thread"));

        assertThat(journal().reply("C1", Optional.of("1.5"), SENT, Duration.ofSeconds(5)))
                .contains("in the thread");
    }

    @Test
    void pollsUntilTheReplyArrives() {
        emptyReadsFirst = 2;
        served("/api/chat.postMessage", SENT, post("D1", null, "late"));

        assertThat(journal().reply("D1", Optional.empty(), SENT, Duration.ofSeconds(10)))
                .contains("late");
        assertThat(reads).hasValue(3);
    }

    @Test
    void givesUpEmptyAtTheDeadlineHavingPolledMeanwhile() {
        long started = System.nanoTime();

        assertThat(journal().reply("D1", Optional.empty(), SENT, Duration.ofMillis(500)))
                .isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(Duration.ofMillis(500), Duration.ofSeconds(5));
        assertThat(reads.get()).isBetween(2, 7);
    }

    @Test
    void saysTheSandboxMayHaveStoppedWhenTheJournalCannotBeRead() {
        server.stop(0);

        assertThatThrownBy(() -> journal().reply("D1", Optional.empty(), SENT, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(
                        CliException.class, e -> assertThat(e.exitCode()).isEqualTo(CliException.FAILURE))
                .hasMessageStartingWith("cannot read the stub Slack at http://127.0.0.1:")
                .hasMessageEndingWith("is the sandbox running?");
    }
}
