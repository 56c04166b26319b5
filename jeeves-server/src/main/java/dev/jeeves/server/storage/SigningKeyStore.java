package dev.jeeves.server.storage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * The token-signing keys every instance shares, by generation: generation 1 is created by whichever instance
 * starts first, each rotation adds the next. The primary key on the generation makes both race-free: of two
 * instances adding the same generation, one wins and both then read the winner's key.
 */
public final class SigningKeyStore {
    private final Jdbc jdbc;

    /** Creates the store over a migrated database. */
    public SigningKeyStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * One stored key.
     *
     * @param generation 1 for the first, one more for each rotation
     * @param keyId the {@code kid} tokens name it by
     * @param jwk the private key as a JSON Web Key
     * @param createdAt when it was added
     */
    public record StoredKey(int generation, String keyId, String jwk, Instant createdAt) {}

    /** Adds a key unless its generation exists; false when another instance added that generation first. */
    public boolean add(StoredKey key) {
        return jdbc.insertUnlessPresent(
                "INSERT INTO signing_keys (generation, key_id, jwk, created_at) VALUES (?, ?, ?, ?)",
                key.generation(),
                key.keyId(),
                key.jwk(),
                Timestamp.from(key.createdAt()));
    }

    /** Every key, oldest generation first. */
    public List<StoredKey> all() {
        return jdbc.query(
                "SELECT generation, key_id, jwk, created_at FROM signing_keys ORDER BY generation",
                row -> new StoredKey(
                        row.getInt("generation"),
                        row.getString("key_id"),
                        row.getString("jwk"),
                        row.getTimestamp("created_at").toInstant()));
    }
}
