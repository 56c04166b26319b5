package dev.jeeves.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.jeeves.api.credentials.OwnerOnlyFiles;
import dev.jeeves.server.storage.SigningKeyStore;
import dev.jeeves.server.storage.SigningKeyStore.StoredKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The RSA keys that sign and check access tokens, kept in the shared database so a token issued by one instance is
 * accepted by all. The newest key signs; {@link #rotateIfOlderThan} adds a new one, and the older key keeps checking
 * tokens until every token it can have signed has expired, so rotating refuses no valid token. Each instance
 * re-reads the keys every {@link #REFRESH} (to start signing with a new one) and at once when a token names a key
 * it does not know (to accept a token signed elsewhere with it).
 */
public final class SigningKeys {
    /** How often the keys are re-read. */
    static final Duration REFRESH = Duration.ofMinutes(1);
    /** The least time between two reads forced by unknown key ids. */
    static final Duration FORCED_RELOAD_GAP = Duration.ofSeconds(1);
    /** A key file of a Jeeves from before the keys moved into the database: taken over on first start. */
    static final String LEGACY_KEY_FILE = "signing-key.json";

    private final SigningKeyStore store;
    private final Clock clock;
    private volatile Loaded loaded;

    private record Loaded(List<RSAKey> inUse, Instant at) {}

    private SigningKeys(SigningKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.loaded = load();
    }

    /**
     * Reads the keys, creating generation 1 when there is none: from a key file left in {@code dataDir} by an older
     * Jeeves (its tokens stay valid), else a new 2048-bit key.
     */
    public static SigningKeys loadOrCreate(SigningKeyStore store, Path dataDir, Clock clock) {
        if (store.all().isEmpty()) {
            Path legacy = dataDir.resolve(LEGACY_KEY_FILE);
            RSAKey first = Files.exists(legacy) ? parse(OwnerOnlyFiles.read(legacy)) : generate();
            store.add(new StoredKey(1, first.getKeyID(), first.toJSONString(), clock.instant()));
        }
        return new SigningKeys(store, clock);
    }

    /** The key new tokens are signed with: the newest. */
    RSAKey signingKey() {
        Loaded current = fresh();
        return current.inUse().getLast();
    }

    /** The key a token names by its {@code kid}, if it is one still in use. */
    Optional<RSAKey> verificationKey(String keyId) {
        Optional<RSAKey> known = find(fresh(), keyId);
        if (known.isPresent()
                || keyId == null
                || clock.instant().isBefore(loaded.at().plus(FORCED_RELOAD_GAP))) {
            return known; // at most one forced read per gap, whatever key ids forged tokens name
        }
        Loaded reloaded = load(); // signed by an instance that knows a newer key
        loaded = reloaded;
        return find(reloaded, keyId);
    }

    /** The public halves of every key in use, for the JWKS. */
    List<RSAKey> publicKeys() {
        return fresh().inUse().stream().map(RSAKey::toPublicJWK).toList();
    }

    /**
     * Adds a new signing key when the newest is older than {@code age}. Run by one instance of the cluster at a
     * time (the {@code rotate-signing-key} task); two racing add the same generation and one wins.
     *
     * @return true when this call added one
     */
    public boolean rotateIfOlderThan(Duration age) {
        List<StoredKey> keys = store.all();
        StoredKey newest = keys.getLast();
        if (newest.createdAt().isAfter(clock.instant().minus(age))) {
            return false;
        }
        RSAKey next = generate();
        boolean added = store.add(
                new StoredKey(newest.generation() + 1, next.getKeyID(), next.toJSONString(), clock.instant()));
        loaded = load();
        return added;
    }

    private Loaded fresh() {
        Loaded current = loaded;
        if (clock.instant().isAfter(current.at().plus(REFRESH))) {
            current = load();
            loaded = current;
        }
        return current;
    }

    private Loaded load() {
        List<StoredKey> keys = store.all();
        Instant now = clock.instant();
        List<RSAKey> inUse = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            boolean newest = i == keys.size() - 1;
            // An older key may still have signed tokens until every instance re-read the keys (REFRESH) after its
            // successor was added; those tokens live LIFETIME.
            if (newest
                    || now.isBefore(keys.get(i + 1)
                            .createdAt()
                            .plus(TokenIssuer.LIFETIME)
                            .plus(REFRESH))) {
                inUse.add(parse(keys.get(i).jwk()));
            }
        }
        return new Loaded(List.copyOf(inUse), now);
    }

    private static Optional<RSAKey> find(Loaded loaded, String keyId) {
        return loaded.inUse().stream()
                .filter(key -> key.getKeyID().equals(keyId))
                .findFirst();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static RSAKey parse(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored signing key is not a usable RSA key", e);
        }
    }
}
