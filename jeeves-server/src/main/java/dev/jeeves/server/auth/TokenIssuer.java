package dev.jeeves.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.jeeves.api.credentials.OwnerOnlyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Issues and checks the API's access tokens: RS256-signed JWTs with {@code iss}, {@code aud}, {@code exp} and
 * {@code scope}. The RSA key lives in {@code <data-dir>/signing-key.json} (owner-only), so tokens stay valid
 * across restarts; its public half is published at {@code /.well-known/jwks.json}.
 */
public final class TokenIssuer {
    /** The {@code iss} of every token. */
    public static final String ISSUER = "jeeves";
    /** The {@code aud} of every token. */
    public static final String AUDIENCE = "jeeves-api";
    /** How long a token lives. */
    public static final Duration LIFETIME = Duration.ofHours(1);
    /** The key file name in the data directory. */
    public static final String KEY_FILE = "signing-key.json";

    private final RSAKey key;
    private final Clock clock;

    /** Creates an issuer with the given key and clock. */
    public TokenIssuer(RSAKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /** Reads the signing key from the data directory, creating a 2048-bit RSA key on first start. */
    public static RSAKey loadOrCreateKey(Path dataDir) {
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                RSAKey generated = new RSAKeyGenerator(2048)
                        .keyID(UUID.randomUUID().toString())
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.RS256)
                        .generate();
                OwnerOnlyFiles.write(file, generated.toJSONString());
            }
            return RSAKey.parse(OwnerOnlyFiles.read(file));
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException(file + " is not a usable RSA key: delete it to get a new one", e);
        }
    }

    /** The public key as a JWK Set, for {@code /.well-known/jwks.json}. */
    public String jwks() {
        return new com.nimbusds.jose.jwk.JWKSet(key.toPublicJWK()).toString();
    }

    /**
     * Issues a token.
     *
     * @param subject the client it is for
     * @param scopes what it allows
     */
    public AccessToken issue(String subject, Set<String> scopes) {
        Instant now = clock.instant();
        Instant expires = now.plus(LIFETIME);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", Scopes.format(scopes))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return new AccessToken(jwt.serialize(), expires, scopes);
    }

    /**
     * Checks a token: signature by our key with RS256, issuer, audience, not expired.
     *
     * @return the scopes it grants
     * @throws InvalidTokenException saying what is wrong, for the {@code WWW-Authenticate} header
     */
    public Set<String> verify(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new InvalidTokenException("the token is not a JWT");
        }
        try {
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
                throw new InvalidTokenException("the token's signature is not valid");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!ISSUER.equals(claims.getIssuer()) || !List.of(AUDIENCE).equals(claims.getAudience())) {
                throw new InvalidTokenException("the token was not issued for this API");
            }
            Date expiry = claims.getExpirationTime();
            if (expiry == null || !clock.instant().isBefore(expiry.toInstant())) {
                throw new InvalidTokenException("the token has expired");
            }
            String scope = claims.getStringClaim("scope");
            return Scopes.parse(scope == null ? "" : scope);
        } catch (JOSEException | ParseException e) {
            throw new InvalidTokenException("the token cannot be checked");
        }
    }

    /**
     * An issued token.
     *
     * @param value the JWT
     * @param expiresAt when it stops working
     * @param scopes what it allows
     */
    public record AccessToken(String value, Instant expiresAt, Set<String> scopes) {}

    /** A token that must be refused; the message is safe to send back. */
    public static final class InvalidTokenException extends RuntimeException {
        InvalidTokenException(String message) {
            super(message);
        }
    }
}
