package dev.jeeves.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jeeves.api.Json;
import dev.jeeves.api.Secret;
import dev.jeeves.api.TokenResponse;
import dev.jeeves.api.credentials.ClientCredentials;
import dev.jeeves.api.credentials.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * Where a client's access token comes from: the client credentials ({@code JEEVES_CLIENT_ID} and
 * {@code JEEVES_CLIENT_SECRET}, else the local server's {@code <data-dir>/credentials.json}) traded at
 * {@code /oauth/token}, and cached in {@code <data-dir>/cli-token.json} (owner-only) until a minute before it
 * expires, so most commands cost one request, not two. The cache is keyed by the server, the client id and a hash
 * of the secret: with another secret (a wrong one, or a rotated one) the server is asked, and says whether it
 * holds. Both files are read and written as JSON trees, not mapped to
 * records: every command reads them, and Jackson's deserializer for a type costs tens of milliseconds to build.
 *
 * <pre>{@code
 * var tokens = new TokenSource(Path.of(System.getProperty("user.home"), ".jeeves"), System.getenv(), Clock.systemUTC());
 * }</pre>
 */
public final class TokenSource {
    /** The cache's file name in the data directory. */
    public static final String CACHE_FILE = "cli-token.json";

    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final Path dataDir;
    private final Map<String, String> environment;
    private final Clock clock;

    /** Creates the source. */
    public TokenSource(Path dataDir, Map<String, String> environment, Clock clock) {
        this.dataDir = dataDir;
        this.environment = environment;
        this.clock = clock;
    }

    /** A token issued to these credentials by this server: the cached one if still good, else a fresh one. */
    Issued current(JeevesClient client) {
        ClientCredentials credentials = credentials(client);
        Path cache = dataDir.resolve(CACHE_FILE);
        try {
            if (Files.exists(cache)) {
                JsonNode cached = Json.MAPPER.readTree(Files.readString(cache));
                Instant expiresAt = Instant.parse(cached.path("expiresAt").asText());
                if (cached.path("server").asText().equals(client.server().toString())
                        && cached.path("clientId").asText().equals(credentials.clientId())
                        && cached.path("secretHash").asText().equals(secretHash(credentials))
                        && clock.instant().plus(MARGIN).isBefore(expiresAt)) {
                    return new Issued(cached.path("token").asText(), expiresAt, true);
                }
            }
        } catch (IOException | RuntimeException e) {
            // A broken cache is only a cache: fetch a new token.
        }
        return fresh(client, credentials);
    }

    /** Fetches a new token and caches it. */
    Issued fresh(JeevesClient client) {
        return fresh(client, credentials(client));
    }

    private Issued fresh(JeevesClient client, ClientCredentials credentials) {
        TokenResponse response = client.requestToken(
                credentials.clientId(), credentials.clientSecret().reveal());
        Issued issued = new Issued(response.accessToken(), clock.instant().plusSeconds(response.expiresIn()), false);
        store(client.server(), credentials, issued);
        return issued;
    }

    /**
     * Caches a token fetched some other way for the given credentials at this server, as if this source had fetched
     * it: what tests that start from a cached token use, rather than writing the cache's format themselves.
     */
    public void remember(URI server, ClientCredentials credentials, String token, Instant expiresAt) {
        store(URI.create(server.toString().replaceAll("/+$", "")), credentials, new Issued(token, expiresAt, false));
    }

    private void store(URI server, ClientCredentials credentials, Issued issued) {
        if (!Files.isDirectory(dataDir)) {
            return; // a remote server and no local data directory: nothing to cache into
        }
        ObjectNode cached = Json.MAPPER
                .createObjectNode()
                .put("server", server.toString())
                .put("clientId", credentials.clientId())
                .put("secretHash", secretHash(credentials))
                .put("token", issued.token())
                .put("expiresAt", issued.expiresAt().toString());
        try {
            OwnerOnlyFiles.write(dataDir.resolve(CACHE_FILE), cached.toString());
        } catch (UncheckedIOException e) {
            // Caching is an optimisation; the token still works.
        }
    }

    /** SHA-256 of the secret: tells secrets apart without keeping one in a second file. */
    private static String secretHash(ClientCredentials credentials) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(credentials.clientSecret().reveal().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JDK", e);
        }
    }

    private ClientCredentials credentials(JeevesClient client) {
        String id = environment.get("JEEVES_CLIENT_ID");
        String secret = environment.get("JEEVES_CLIENT_SECRET");
        if (id != null && secret != null) {
            return new ClientCredentials(id, Secret.of(secret));
        }
        Path file = dataDir.resolve(ClientCredentials.FILE_NAME);
        if (!Files.isReadable(file)) {
            client.checkReachable();
            throw new ApiException(
                    "no credentials for " + client.server() + ": set JEEVES_CLIENT_ID and JEEVES_CLIENT_SECRET, or"
                            + " point --data-dir at the server's data directory (no " + file + ")",
                    true,
                    null);
        }
        try {
            return ClientCredentials.read(file);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new ApiException("cannot read " + file + ": " + e.getMessage(), true, e);
        }
    }

    /**
     * A token and when it expires.
     *
     * @param token the JWT
     * @param expiresAt when it stops working
     * @param fromCache true when it was read from the cache rather than just issued
     */
    record Issued(String token, Instant expiresAt, boolean fromCache) {}
}
