package dev.jeeves.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped hard and started again under a running Jeeves, while Slack events arrive: no event Jeeves
 * acknowledged is lost and none is answered twice, liveness stays up while readiness goes down and comes back, and
 * Jeeves needs no restart. The outage gets a PostgreSQL cluster of its own ({@code .ci/postgres}), so no other
 * test loses its database; skipped, saying why, where no PostgreSQL is given for the tests.
 */
@Tag("end-to-end")
class DatabaseOutageIT {
    static final Path POSTGRES_SCRIPT = Path.of("..", ".ci", "postgres");
    static final Duration DEADLINE = Duration.ofSeconds(60);

    Path cluster;
    JeevesFixture jeeves;
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws Exception {
        if (jeeves != null) {
            jeeves.close();
        }
        if (cluster != null) {
            postgres("stop");
        }
    }

    @Test
    void survivesPostgresStoppingHardAndComingBackWithoutARestart() throws Exception {
        TestDatabase.requirePostgres(); // a machine where the tests have PostgreSQL (CI starts one)
        assumeTrue(JeevesFixture.liveUrl().isEmpty(), "starts its own Jeeves");
        Path parent = Files.createTempDirectory(
                "jeeves-outage", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        cluster = parent.resolve("postgres");
        String url = postgres("start").strip();
        Map<String, String> environment = new HashMap<>();
        environment.put("JEEVES_DB_URL", url);
        environment.put("JEEVES_DB_USER", "jeeves");
        environment.put(
                "JEEVES_DB_PASSWORD",
                Files.readString(cluster.resolve("password")).strip());
        environment.put("JEEVES_WORK_TAKEOVER", "PT6S");
        jeeves = JeevesFixture.start(parent.resolve("data"), environment);

        Map<String, Long> expected = new TreeMap<>();
        for (int i = 1; i <= 5; i++) {
            acknowledge("EvBEFORE" + i, "D0BEFORE" + i);
            expected.put("D0BEFORE" + i, 1L);
        }
        await().atMost(DEADLINE)
                .until(() -> SlackEvents.repliesPerChannel(jeeves.slack()).equals(expected));

        postgres("crash");
        await().atMost(DEADLINE).until(() -> status("/observe/health/ready") == 503);
        assertThat(status("/observe/health/live"))
                .as("liveness while the database is down")
                .isEqualTo(200);
        List<String> during = List.of("EvDURING1", "EvDURING2", "EvDURING3");
        for (String eventId : during) {
            // Not acknowledged: Slack keeps the event and retries it.
            SlackEvents.post(jeeves.uri(), event(eventId, "D0" + eventId.substring(2)))
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json");
        }

        postgres("resume");
        await().atMost(DEADLINE).until(() -> status("/observe/health/ready") == 200);
        for (String eventId : during) {
            acknowledge(eventId, "D0" + eventId.substring(2)); // Slack's retry
            expected.put("D0" + eventId.substring(2), 1L);
        }
        await().atMost(DEADLINE)
                .until(() -> SlackEvents.repliesPerChannel(jeeves.slack()).equals(expected));
        // Work that ran twice would post twice: the journal must still show one reply per event a while later.
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> SlackEvents.repliesPerChannel(jeeves.slack()).equals(expected));
    }

    private void acknowledge(String eventId, String channel) {
        SlackEvents.post(jeeves.uri(), event(eventId, channel)).then().statusCode(200);
    }

    private static String event(String eventId, String channel) {
        return SlackEvents.directMessage(eventId, "UOUTAGE", channel, "help");
    }

    private int status(String path) throws IOException, InterruptedException {
        URI uri = jeeves.uri().resolve(path);
        return http.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(15))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** Runs {@code .ci/postgres ACTION} on this test's cluster; what it printed. */
    private String postgres(String action) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", POSTGRES_SCRIPT.toString(), action, cluster.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor())
                .as(".ci/postgres " + action + ": " + output)
                .isZero();
        return output;
    }
}
