package dev.jeeves.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jeeves.stubs.SandboxStubs;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out as operators run it: three packaged Jeeves on one real PostgreSQL behind nginx with the configuration
 * kept in {@code deploy/nginx/jeeves.conf}. Slack events and their retries arrive on different instances (round
 * robin); the instance with the most work in flight is killed with SIGKILL; every event is answered exactly once,
 * the killed instance's work by the others. Skipped, saying why, without PostgreSQL or nginx.
 *
 * <p>The instances take over dead work within 15 s, to keep the build short; {@code -Djeeves.test.takeover=PT60S}
 * runs it with the default instead.
 */
@Tag("end-to-end")
class ScaleOutIT {
    static final int EVENTS = 12;
    static final Duration TAKEOVER = Duration.parse(System.getProperty("jeeves.test.takeover", "PT15S"));
    static final Path NGINX_CONF = Path.of("..", "deploy", "nginx", "jeeves.conf");

    @TempDir
    Path dir;

    SandboxStubs stubs;
    final List<JeevesProcess> instances = new ArrayList<>();
    Process nginx;

    @AfterEach
    void stop() throws InterruptedException {
        if (nginx != null) {
            // SIGTERM: the master stops its workers (after SIGKILL they would linger).
            nginx.destroy();
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                nginx.destroyForcibly();
            }
        }
        for (int i = 0; i < instances.size(); i++) {
            instances.get(i).close();
            System.out.println("--- jeeves-" + (i + 1) + "\n" + instances.get(i).output());
        }
        if (stubs != null) {
            stubs.close();
        }
    }

    @Test
    void threeInstancesBehindNginxAnswerEveryEventOnceThroughTheCrashOfOne() throws Exception {
        assumeTrue(JeevesFixture.liveUrl().isEmpty());
        TestDatabase.PostgresSchema database = TestDatabase.freshPostgresSchema();
        Path nginxBinary = nginx();
        stubs = SandboxStubs.start();
        // Every answer needs a place looked up, which takes 3 s: the kill comes while the work is in flight.
        SlackEvents.slowPlaceLookups(stubs.openMeteo(), Duration.ofSeconds(3));
        List<URI> uris = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Map<String, String> environment = JeevesProcess.environment(stubs, dir.resolve("jeeves-" + i));
            environment.putAll(database.environment());
            environment.put("JEEVES_DB_POOL_SIZE", "5");
            environment.put("JEEVES_INSTANCE_NAME", "jeeves-" + i);
            environment.put("JEEVES_WORK_TAKEOVER", TAKEOVER.toString());
            instances.add(JeevesProcess.start(environment));
        }
        for (JeevesProcess instance : instances) {
            uris.add(instance.awaitReady());
        }
        URI balancer = startNginx(nginxBinary, uris);

        Map<String, Long> expected = new TreeMap<>();
        for (int i = 1; i <= EVENTS; i++) {
            String body = SlackEvents.directMessage("EvSCALE" + i, "USCALE", "D0SCALE" + i, "weather in Atlantis" + i);
            // The event, then Slack's retry of it: round robin sends them to different instances.
            SlackEvents.post(balancer, body).then().statusCode(200);
            SlackEvents.post(balancer, body).then().statusCode(200);
            expected.put("D0SCALE" + i, 1L);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> SlackEvents.placeLookups(stubs.openMeteo()) >= EVENTS);
        Map<String, Integer> inFlight = inFlightByInstance(database);
        String busiest = inFlight.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        assertThat(inFlight.get(busiest)).as("work in flight on %s", busiest).isPositive();
        long killedAt = System.nanoTime();
        instances
                .get(Integer.parseInt(busiest.substring("jeeves-".length())) - 1)
                .kill();
        assertThat(SlackEvents.repliesPerChannel(stubs.slack()))
                .as("answered before the kill")
                .isEmpty();

        // Slack keeps sending: a retry of an event the killed instance took, and a new one, through the balancer.
        SlackEvents.post(balancer, SlackEvents.directMessage("EvSCALE1", "USCALE", "D0SCALE1", "weather in Atlantis1"))
                .then()
                .statusCode(200);
        SlackEvents.post(balancer, SlackEvents.directMessage("EvSCALE99", "USCALE", "D0SCALE99", "help"))
                .then()
                .statusCode(200);
        expected.put("D0SCALE99", 1L);

        // Taken over within TAKEOVER, then 3 s to look the place up and a margin for a busy machine.
        await().atMost(TAKEOVER.plusSeconds(20))
                .until(() -> SlackEvents.repliesPerChannel(stubs.slack()).size() == expected.size());
        long takeoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> SlackEvents.repliesPerChannel(stubs.slack()).equals(expected));
        Evidence.write(
                "scale-out.txt",
                "SIGKILL behind nginx on PostgreSQL: %d events (and %d retries) accepted, %d answered, 0 doubled; %s"
                        + " killed with %d replies in flight; every event answered %.1f s after the kill"
                        + " (JEEVES_WORK_TAKEOVER=%s, lookups taking 3 s)",
                expected.size(),
                EVENTS + 1,
                expected.size(),
                busiest,
                inFlight.get(busiest),
                takeoverMillis / 1000.0,
                TAKEOVER);
    }

    /** The nginx binary, or the test is skipped saying how to get one. */
    static Path nginx() {
        Optional<Path> found = java.util.stream.Stream.of("/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx")
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
        assumeTrue(found.isPresent(), "no nginx: install it (apt-get install nginx) to run the scale-out test");
        return found.orElseThrow();
    }

    /** Starts nginx with deploy/nginx/jeeves.conf, its upstreams and its port replaced; the balancer's URL. */
    URI startNginx(Path binary, List<URI> upstreams) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String conf = Files.readString(NGINX_CONF, StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            conf = replaceOnce(
                    conf,
                    "127.0.0.1:" + (8081 + i),
                    "127.0.0.1:" + upstreams.get(i).getPort());
        }
        conf = replaceOnce(conf, "listen 127.0.0.1:8080;", "listen 127.0.0.1:" + port + ";");
        conf = replaceOnce(conf, "pid /run/jeeves-nginx.pid;", "pid " + dir.resolve("nginx.pid") + ";");
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, conf, StandardCharsets.UTF_8);
        nginx = new ProcessBuilder(
                        binary.toString(),
                        "-p",
                        dir.toString(),
                        "-e",
                        "stderr",
                        "-c",
                        file.toString(),
                        "-g",
                        "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.log").toFile())
                .start();
        URI uri = URI.create("http://127.0.0.1:" + port);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            try (var socket = new java.net.Socket(uri.getHost(), port)) {
                return socket.isConnected();
            }
        });
        return uri;
    }

    private static String replaceOnce(String text, String from, String to) {
        assertThat(text).as("deploy/nginx/jeeves.conf has " + from).contains(from);
        return text.replace(from, to);
    }

    /** Slack replies being worked on, by the instance working on them. */
    static Map<String, Integer> inFlightByInstance(TestDatabase.PostgresSchema database) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT picked_by, COUNT(*) FROM scheduled_tasks"
                        + " WHERE task_name = 'slack-reply' AND picked GROUP BY picked_by")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }
}
