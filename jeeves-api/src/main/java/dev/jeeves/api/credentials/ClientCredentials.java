package dev.jeeves.api.credentials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jeeves.api.Json;
import dev.jeeves.api.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The admin client of the token endpoint, kept in {@code <data-dir>/credentials.json} (owner-only): the server
 * creates it on first start, the {@code jeeves} CLI reads it to talk to a local server. The file is what
 * {@code curl} users read too: {@code jq -r .client_secret ~/.jeeves/credentials.json}.
 *
 * <pre>{@code
 * ClientCredentials admin = ClientCredentials.loadOrCreate(Path.of(System.getProperty("user.home"), ".jeeves"));
 * }</pre>
 *
 * @param clientId the client id, {@value #ADMIN_CLIENT}
 * @param clientSecret its secret (never logged: {@link Secret})
 */
public record ClientCredentials(String clientId, Secret clientSecret) {
    /** The file name in the data directory. */
    public static final String FILE_NAME = "credentials.json";
    /** The admin client's id. */
    public static final String ADMIN_CLIENT = "jeeves-admin";

    // The file's fields: OAuth 2's names for the two values.
    private static final String CLIENT_ID = "client_id";
    private static final String CLIENT_SECRET = "client_secret";

    /** Reads the admin credentials of a data directory, creating them (a fresh random secret) on first start. */
    public static ClientCredentials loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            newAdmin().save(dataDir);
        }
        return read(file);
    }

    /** New admin credentials with a fresh random secret (256 bits), not saved anywhere yet. */
    public static ClientCredentials newAdmin() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new ClientCredentials(
                ADMIN_CLIENT, Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(random)));
    }

    /** Writes these credentials to {@code <dataDir>/credentials.json}, readable by its owner only. */
    public void save(Path dataDir) {
        ObjectNode json =
                Json.MAPPER.createObjectNode().put(CLIENT_ID, clientId).put(CLIENT_SECRET, clientSecret.reveal());
        OwnerOnlyFiles.write(dataDir.resolve(FILE_NAME), json.toPrettyString() + "\n");
    }

    /**
     * Reads a credentials file. Read as a tree, not mapped to a record: every {@code jeeves} command reads this file,
     * and building Jackson's deserializer for a type costs a command tens of milliseconds at start-up.
     *
     * @throws java.io.UncheckedIOException when it cannot be read
     * @throws IllegalStateException when it is not a credentials file
     */
    public static ClientCredentials read(Path file) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(OwnerOnlyFiles.read(file));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(file + " is not valid JSON: delete it to get new credentials", e);
        }
        if (json == null
                || !json.path(CLIENT_ID).isTextual()
                || !json.path(CLIENT_SECRET).isTextual()) {
            throw new IllegalStateException(file + " lacks client_id or client_secret: delete it to get new ones");
        }
        return new ClientCredentials(
                json.path(CLIENT_ID).asText(),
                Secret.of(json.path(CLIENT_SECRET).asText()));
    }

    /** True when the id and secret are these, compared in constant time. */
    public boolean matches(String id, String secret) {
        boolean idMatches =
                MessageDigest.isEqual(clientId.getBytes(StandardCharsets.UTF_8), id.getBytes(StandardCharsets.UTF_8));
        boolean secretMatches = MessageDigest.isEqual(
                clientSecret.reveal().getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
        // Both digests are compared before this line, so the answer takes as long whichever one differs.
        return idMatches && secretMatches;
    }
}
