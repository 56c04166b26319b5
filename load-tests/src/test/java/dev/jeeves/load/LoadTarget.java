package dev.jeeves.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jeeves.api.Json;
import dev.jeeves.api.credentials.ClientCredentials;
import dev.jeeves.server.JeevesConfig;
import dev.jeeves.server.JeevesServer;
import dev.jeeves.stubs.SandboxStubs;
import io.helidon.service.registry.Services;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Jeeves a simulation loads: by default its own server on an ephemeral loopback port with the canned
 * {@link SandboxStubs} for Slack and Open-Meteo (self-contained, nothing else needed); with
 * {@code -Djeeves.url=https://...} (and {@code -Djeeves.client-id}, {@code -Djeeves.client-secret},
 * {@code -Djeeves.signing-secret}) any live server, and nothing is started.
 *
 * <pre>{@code
 * try (LoadTarget target = LoadTarget.start()) {
 *     target.uri();      // http://127.0.0.1:41234
 *     target.token();    // a bearer token for /api/**
 * }
 * }</pre>
 */
public final class LoadTarget implements AutoCloseable {

    private final URI uri;
    private final String token;
    private final String signingSecret;
    private final SandboxStubs stubs;
    private final JeevesServer server;

    private LoadTarget(
            URI uri,
            String clientId,
            String clientSecret,
            String signingSecret,
            SandboxStubs stubs,
            JeevesServer server) {
        this.uri = uri;
        this.signingSecret = signingSecret;
        this.stubs = stubs;
        this.server = server;
        this.token = requestToken(uri, clientId, clientSecret);
    }

    /** Connects to {@code -Djeeves.url}, or starts Jeeves and its stubs. */
    public static LoadTarget start() {
        String live = System.getProperty("jeeves.url", "").strip();
        if (!live.isEmpty()) {
            return new LoadTarget(
                    URI.create(live),
                    System.getProperty("jeeves.client-id", ""),
                    System.getProperty("jeeves.client-secret", ""),
                    System.getProperty("jeeves.signing-secret", ""),
                    null,
                    null);
        }
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("jeeves-load-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SandboxStubs stubs = SandboxStubs.start();
        JeevesServer server = null;
        try {
            Map<String, String> environment = new HashMap<>(stubs.environment());
            environment.put("JEEVES_PORT", "0");
            environment.put("JEEVES_HOST", "127.0.0.1");
            environment.put("JEEVES_DATA_DIR", dataDir.toString());
            environment.put("JEEVES_UPSTREAM_READ_TIMEOUT", "PT1S");
            server = JeevesServer.start(
                    JeevesConfig.load(environment),
                    java.time.Clock.systemUTC(),
                    Services.get(io.helidon.metrics.api.MeterRegistry.class));
            ClientCredentials admin = ClientCredentials.loadOrCreate(dataDir);
            return new LoadTarget(
                    server.uri(),
                    admin.clientId(),
                    admin.clientSecret().reveal(),
                    SandboxStubs.SIGNING_SECRET,
                    stubs,
                    server);
        } catch (RuntimeException e) {
            // Nothing left running when the token cannot be had or the server does not start.
            if (server != null) {
                server.close();
            }
            stubs.close();
            throw e;
        }
    }

    /** True for a server given with {@code -Djeeves.url}, false for the one started here. */
    public boolean isLive() {
        return server == null;
    }

    /** Where Jeeves answers. */
    public String uri() {
        return uri.toString();
    }

    /** An access token with every scope. */
    public String token() {
        return token;
    }

    /** The secret Slack events are signed with. */
    public String signingSecret() {
        return signingSecret;
    }

    /** The stubs, when this target started them (not for a live server). */
    public Optional<SandboxStubs> stubs() {
        return Optional.ofNullable(stubs);
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

    private static String requestToken(URI uri, String clientId, String clientSecret) {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri.resolve("/oauth/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = Json.MAPPER.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token from " + uri + ": HTTP " + response.statusCode() + " "
                        + body.path("detail").asText());
            }
            return body.path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach Jeeves at " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
