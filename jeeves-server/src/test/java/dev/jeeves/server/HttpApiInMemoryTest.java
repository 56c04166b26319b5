package dev.jeeves.server;

import dev.jeeves.api.credentials.ClientCredentials;
import dev.jeeves.server.storage.Database;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API's answers in memory: Jeeves' own routes ({@link JeevesServices#routing}) driven by Helidon's
 * {@code DirectClient}, with no socket and no upstream, in milliseconds.
 */
@RoutingTest
@Tag("functional")
class HttpApiInMemoryTest extends HttpApiBehaviour {
    @TempDir
    static Path dataDir;

    private static Database database;
    private final DirectClient client;

    HttpApiInMemoryTest(DirectClient client) {
        this.client = client;
    }

    // tag::in-memory-routing[]
    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        // Upstreams on a port nothing listens on: these bodies must not need them.
        JeevesConfig config = JeevesConfig.load(Map.of(
                "JEEVES_DATA_DIR", dataDir.toString(),
                "JEEVES_WEATHER_GEOCODING_URL", "http://127.0.0.1:9/v1",
                "JEEVES_WEATHER_FORECAST_URL", "http://127.0.0.1:9/v1",
                "JEEVES_SLACK_API_URL", "http://127.0.0.1:9/api"));
        database = Database.open(config.database());
        JeevesServices.create(config, Clock.systemUTC(), database, MeterRegistry.create())
                .routing(routing);
    }
    // end::in-memory-routing[]

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    Http1Client client() {
        return client;
    }

    @Override
    String[] clientCredentials() {
        ClientCredentials admin = ClientCredentials.loadOrCreate(dataDir);
        return new String[] {admin.clientId(), admin.clientSecret().reveal()};
    }
}
