package dev.jeeves.server.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jeeves.server.Json;
import dev.jeeves.server.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The admin client of the token endpoint, created on first start in {@code <data-dir>/credentials.json}
 * (owner-only). The {@code jeeves} CLI reads that file to talk to a local server; remote users pass
 * {@code JEEVES_CLIENT_ID} and {@code JEEVES_CLIENT_SECRET}.
 *
 * @param clientId the client id, {@code jeeves-admin}
 * @param clientSecret its secret (never logged: {@link Secret})
 */
public record ClientCredentials(String clientId, Secret clientSecret) {
    /** The file name in the data directory. */
    public static final String FILE_NAME = "credentials.json";

    static final String ADMIN_CLIENT = "jeeves-admin";

    /** Reads the admin credentials, creating them (with a fresh random secret) on first start. */
    public static ClientCredentials loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            String json = Json.MAPPER
                    .createObjectNode()
                    .put("client_id", ADMIN_CLIENT)
                    .put("client_secret", secret)
                    .toPrettyString();
            OwnerOnlyFiles.writeNew(file, json + "\n");
        }
        try {
            JsonNode json = Json.MAPPER.readTree(OwnerOnlyFiles.read(file));
            return new ClientCredentials(
                    json.path("client_id").asText(),
                    Secret.of(json.path("client_secret").asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(file + " is not valid JSON: delete it to get new credentials", e);
        }
    }

    /** True when the id and secret are these, compared in constant time. */
    public boolean matches(String id, String secret) {
        boolean idMatches =
                MessageDigest.isEqual(clientId.getBytes(StandardCharsets.UTF_8), id.getBytes(StandardCharsets.UTF_8));
        boolean secretMatches = MessageDigest.isEqual(
                clientSecret.reveal().getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
        return idMatches & secretMatches;
    }
}
