package dev.jeeves.api.credentials;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
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

    /** Reads the admin credentials of a data directory, creating them (a fresh random secret) on first start. */
    public static ClientCredentials loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                OwnerOnlyFiles.write(
                        file,
                        Json.MAPPER
                                        .writerWithDefaultPrettyPrinter()
                                        .writeValueAsString(new Stored(ADMIN_CLIENT, secret))
                                + "\n");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return read(file);
    }

    /**
     * Reads a credentials file.
     *
     * @throws java.io.UncheckedIOException when it cannot be read
     * @throws IllegalStateException when it is not a credentials file
     */
    public static ClientCredentials read(Path file) {
        try {
            Stored stored = Json.MAPPER.readValue(OwnerOnlyFiles.read(file), Stored.class);
            if (stored.clientId() == null || stored.clientSecret() == null) {
                throw new IllegalStateException(file + " lacks client_id or client_secret: delete it to get new ones");
            }
            return new ClientCredentials(stored.clientId(), Secret.of(stored.clientSecret()));
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

    /** The file's format: OAuth 2's names for the two values. */
    private record Stored(
            @JsonProperty("client_id") String clientId,
            @JsonProperty("client_secret") String clientSecret) {}
}
