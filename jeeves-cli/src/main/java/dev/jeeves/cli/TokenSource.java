package dev.jeeves.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Where the CLI's access token comes from: the client credentials ({@code JEEVES_CLIENT_ID} and
 * {@code JEEVES_CLIENT_SECRET}, else the local server's {@code <data-dir>/credentials.json}) traded at
 * {@code /oauth/token}, and cached in {@code <data-dir>/cli-token.json} (owner-only) until a minute before it
 * expires, so most commands cost one request, not two.
 */
public final class TokenSource {
    static final String CACHE_FILE = "cli-token.json";
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
    Issued current(JeevesApi api) {
        String[] client = credentials(api);
        Path cache = dataDir.resolve(CACHE_FILE);
        try {
            if (Files.exists(cache)) {
                JsonNode json = JeevesApi.JSON.readTree(Files.readString(cache));
                Instant expires = Instant.parse(json.path("expiresAt").asText("1970-01-01T00:00:00Z"));
                if (json.path("server").asText().equals(api.server().toString())
                        && json.path("clientId").asText().equals(client[0])
                        && clock.instant().plus(MARGIN).isBefore(expires)) {
                    return new Issued(json.path("token").asText(), expires, true);
                }
            }
        } catch (IOException | RuntimeException e) {
            // A broken cache is only a cache: fetch a new token.
        }
        return fresh(api, client);
    }

    /** Fetches a new token and caches it. */
    Issued fresh(JeevesApi api) {
        return fresh(api, credentials(api));
    }

    private Issued fresh(JeevesApi api, String[] client) {
        JsonNode response = api.requestToken(client[0], client[1]);
        Issued issued = new Issued(
                response.path("access_token").asText(),
                clock.instant().plusSeconds(response.path("expires_in").asLong(0)),
                false);
        store(api, client[0], issued);
        return issued;
    }

    private void store(JeevesApi api, String clientId, Issued issued) {
        if (!Files.isDirectory(dataDir)) {
            return; // a remote server and no local data directory: nothing to cache into
        }
        ObjectNode json = JeevesApi.JSON
                .createObjectNode()
                .put("server", api.server().toString())
                .put("clientId", clientId)
                .put("token", issued.token())
                .put("expiresAt", issued.expiresAt().toString());
        Path cache = dataDir.resolve(CACHE_FILE);
        try {
            Files.deleteIfExists(cache);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        cache, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(cache, json.toString());
        } catch (IOException e) {
            // Caching is an optimisation; the token still works.
        }
    }

    private String[] credentials(JeevesApi api) {
        String id = environment.get("JEEVES_CLIENT_ID");
        String secret = environment.get("JEEVES_CLIENT_SECRET");
        if (id != null && secret != null) {
            return new String[] {id, secret};
        }
        Path file = dataDir.resolve("credentials.json");
        if (!Files.isReadable(file)) {
            api.checkReachable();
            throw new CliException(
                    CliException.NOT_AUTHORIZED,
                    "no credentials for " + api.server() + ": set JEEVES_CLIENT_ID and JEEVES_CLIENT_SECRET, or"
                            + " point --data-dir at the server's data directory (no " + file + ")");
        }
        try {
            JsonNode json = JeevesApi.JSON.readTree(Files.readString(file));
            return new String[] {
                json.path("client_id").asText(), json.path("client_secret").asText()
            };
        } catch (IOException e) {
            throw new CliException(CliException.NOT_AUTHORIZED, "cannot read " + file + ": " + e.getMessage(), e);
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
