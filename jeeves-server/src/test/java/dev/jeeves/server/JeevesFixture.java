package dev.jeeves.server;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.jeeves.server.storage.DatabaseSettings;
import dev.jeeves.stubs.SandboxStubs;
import io.helidon.metrics.api.MeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Jeeves to test against: by default a real {@link JeevesServer} on an ephemeral port with its own data
 * directory, its own database (embedded H2, or a fresh PostgreSQL schema, see {@link TestDatabase}) and WireMock
 * stubs of Slack and Open-Meteo (the canned {@link SandboxStubs}); with
 * {@code -Djeeves.url=https://...} an already running Jeeves, and no stubs (tests that need them skip).
 */
public final class JeevesFixture implements AutoCloseable {
    public static final String SIGNING_SECRET = "functional-test-signing-secret";
    public static final String BOT_TOKEN = "xoxb-functional-test";

    private final Path dataDir;
    private final Map<String, String> environment;
    private final SandboxStubs stubs;
    private JeevesServer server;
    private String token;
    private final URI liveUri;
    /** This Jeeves' own metrics: what one test counts is not mixed with another's. */
    private final MeterRegistry meters = MeterRegistry.create();

    private JeevesFixture(Path dataDir, Map<String, String> extra, URI liveUri) {
        this.dataDir = dataDir;
        this.liveUri = liveUri;
        if (liveUri != null) {
            this.stubs = null;
            this.environment = Map.of();
            return;
        }
        this.stubs = SandboxStubs.start();
        Map<String, String> env = new HashMap<>(stubs.environment());
        env.put("JEEVES_PORT", "0");
        env.put("JEEVES_DATA_DIR", dataDir.toString());
        env.put("JEEVES_SLACK_SIGNING_SECRET", SIGNING_SECRET);
        env.put("JEEVES_SLACK_BOT_TOKEN", BOT_TOKEN);
        env.put("JEEVES_UPSTREAM_READ_TIMEOUT", "PT1S");
        env.put("JEEVES_SHUTDOWN_GRACE_PERIOD", "PT5S");
        if (TestDatabase.fixturesOnPostgres()) {
            env.putAll(TestDatabase.freshPostgresSchema().environment());
        }
        env.putAll(extra);
        env.values().removeIf(value -> value == null);
        this.environment = env;
        this.server = JeevesServer.start(JeevesConfig.load(environment), Clock.systemUTC(), meters);
    }

    /** Starts Jeeves with stubs, or connects to {@code -Djeeves.url}. */
    public static JeevesFixture start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /** Starts Jeeves with stubs and extra environment variables (a null value removes one). */
    public static JeevesFixture start(Path dataDir, Map<String, String> extraEnvironment) {
        return new JeevesFixture(dataDir, extraEnvironment, liveUrl().orElse(null));
    }

    /** The live server named by {@code -Djeeves.url}, if any. */
    public static Optional<URI> liveUrl() {
        String url = System.getProperty("jeeves.url", "").strip();
        return url.isEmpty() ? Optional.empty() : Optional.of(URI.create(url));
    }

    /**
     * The Slack signing secret of the Jeeves under test: the fixture's own, or for a live server the one given
     * as {@code -Djeeves.signing-secret} (a test that must sign is skipped without it).
     */
    public static String signingSecret() {
        if (liveUrl().isEmpty()) {
            return SIGNING_SECRET;
        }
        String secret = System.getProperty("jeeves.signing-secret", "");
        org.junit.jupiter.api.Assumptions.assumeFalse(
                secret.isEmpty(), "needs -Djeeves.signing-secret to sign requests to a live server");
        return secret;
    }

    /** A request to this Jeeves carrying a valid admin token. */
    public io.restassured.specification.RequestSpecification authorized() {
        return OpenApiContract.given().baseUri(uri().toString()).header("Authorization", "Bearer " + accessToken());
    }

    /** An access token with every scope, fetched once from {@code /oauth/token}. */
    public synchronized String accessToken() {
        if (token == null) {
            token = token(null);
        }
        return token;
    }

    /** A fresh access token from {@code /oauth/token}, limited to {@code scope} unless it is null. */
    public String token(String scope) {
        String[] client = clientCredentials();
        var request = OpenApiContract.given()
                .baseUri(uri().toString())
                .contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", client[0])
                .formParam("client_secret", client[1]);
        if (scope != null) {
            request.formParam("scope", scope);
        }
        return request.post("/oauth/token").then().statusCode(200).extract().path("access_token");
    }

    /** The admin client: from the data directory, or {@code -Djeeves.client-id/-secret} for a live server. */
    public String[] clientCredentials() {
        if (liveUri != null) {
            return new String[] {
                System.getProperty("jeeves.client-id", ""), System.getProperty("jeeves.client-secret", "")
            };
        }
        var credentials = dev.jeeves.api.credentials.ClientCredentials.loadOrCreate(dataDir);
        return new String[] {credentials.clientId(), credentials.clientSecret().reveal()};
    }

    /** True when this fixture started the server and controls its upstream stubs. */
    public boolean controlsUpstreams() {
        return liveUri == null;
    }

    public URI uri() {
        return liveUri != null ? liveUri : server.uri();
    }

    public WireMockServer slack() {
        return stubs.slack();
    }

    public WireMockServer openMeteo() {
        return stubs.openMeteo();
    }

    public MeterRegistry meters() {
        return meters;
    }

    public JeevesServer server() {
        return server;
    }

    /** Stops the server and starts a new one on the same data directory (and a new port). */
    public void restart() {
        server.close();
        server = JeevesServer.start(JeevesConfig.load(environment), Clock.systemUTC(), meters);
    }

    /** Forgets what the stubs received and any stubs a test added, back to the canned mappings. */
    public void resetStubs() {
        if (controlsUpstreams()) {
            stubs.reset();
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        if (stubs != null) {
            stubs.close();
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    /** This Jeeves' database: another instance opening it shares everything with this one. */
    public DatabaseSettings databaseSettings() {
        return JeevesConfig.load(environment).database();
    }

    /** The environment this Jeeves was started with (its stubs, data directory, database). */
    public Map<String, String> environment() {
        return environment;
    }
}
