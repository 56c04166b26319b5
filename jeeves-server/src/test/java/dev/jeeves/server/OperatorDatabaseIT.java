package dev.jeeves.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.jeeves.api.embedded.EmbeddedServer;
import io.helidon.metrics.api.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database settings an operator gives reach the database: a password-protected PostgreSQL is reached with
 * nothing but {@code JEEVES_DB_URL}, {@code JEEVES_DB_USER} and {@code JEEVES_DB_PASSWORD}, holds no more of
 * Jeeves' connections than {@code JEEVES_DB_POOL_SIZE}, and the embedded database is created with the user and
 * password given. (These settings were once read, documented and never used.)
 */
@Tag("end-to-end")
class OperatorDatabaseIT {
    @TempDir
    Path dataDir;

    @Test
    void startsOnAPasswordProtectedPostgresAndHoldsAtMostThePoolSize() throws Exception {
        TestDatabase.PostgresSchema schema = TestDatabase.freshPostgresSchema();
        String application = "jeeves-pool-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> environment = new HashMap<>(schema.environment());
        environment.put("JEEVES_DB_URL", schema.url() + "&ApplicationName=" + application);
        environment.put("JEEVES_DB_POOL_SIZE", "3");
        environment.put("JEEVES_DATA_DIR", dataDir.toString());
        environment.put("JEEVES_PORT", "0");
        // What java -jar jeeves-server.jar and jeeves serve both start.
        try (EmbeddedServer.Running jeeves = new ServerLauncher().start(environment)) {
            // Twenty requests at once that each need the database: the pool may not grow past its size for them.
            HttpClient client = HttpClient.newHttpClient();
            List<Future<Integer>> answers;
            try (var requests = Executors.newVirtualThreadPerTaskExecutor()) {
                answers = IntStream.range(0, 20)
                        .mapToObj(i -> requests.submit(() -> status(client, jeeves.uri())))
                        .toList();
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> connectionsOf(schema, application) == 3);
            assertThat(connectionsOf(schema, application)).isEqualTo(3);
            assertThat(status(client, jeeves.uri())).isEqualTo(200);
        }
    }

    @Test
    void createsTheEmbeddedDatabaseWithTheConfiguredUserAndPassword() throws SQLException {
        Map<String, String> environment = Map.of(
                "JEEVES_DATA_DIR", dataDir.toString(),
                "JEEVES_PORT", "0",
                "JEEVES_DB_USER", "operator",
                "JEEVES_DB_PASSWORD", "s3cret");
        JeevesServer.start(JeevesConfig.load(environment), Clock.systemUTC(), MeterRegistry.create())
                .close();
        String url = "jdbc:h2:file:" + dataDir.resolve("jeeves");
        assertThatThrownBy(
                        () -> DriverManager.getConnection(url, "operator", "").close())
                .hasMessageContaining("Wrong user name or password");
        try (Connection connection = DriverManager.getConnection(url, "operator", "s3cret")) {
            assertThat(connection.isValid(1)).isTrue();
        }
    }

    private static long connectionsOf(TestDatabase.PostgresSchema schema, String application) throws SQLException {
        try (Connection connection = schema.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ?")) {
            query.setString(1, application);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static int status(HttpClient client, URI uri) throws Exception {
        return client.send(
                        HttpRequest.newBuilder(uri.resolve("/observe/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
