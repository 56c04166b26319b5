package dev.jeeves.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Issues and checks the API's access tokens: RS256-signed JWTs with {@code iss}, {@code aud}, {@code exp} and
 * {@code scope}. The keys are the {@link SigningKeys} every instance shares, so a token from one instance is
 * accepted by all and stays valid across restarts and key rotations; their public halves are published at
 * {@code /.well-known/jwks.json}.
 */
public final class TokenIssuer {
    /** The {@code iss} of every token. */
    public static final String ISSUER = "jeeves";
    /** The {@code aud} of every token. */
    public static final String AUDIENCE = "jeeves-api";
    /** How long a token lives. */
    public static final Duration LIFETIME = Duration.ofHours(1);

    /**
     * Tokens whose signature and claims were checked, by their exact text: a client sends the same token for an
     * hour, and checking its RS256 signature again on every request was half of what an API call cost (the
     * Performance page). A hit is still checked against the clock and the keys in use, so an expired token or one
     * signed by a retired key is refused as before; a token that differs in any character is checked in full.
     */
    private final Cache<String, Verified> verified =
            Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(LIFETIME).build();

    private final SigningKeys keys;
    private final Clock clock;

    /** Creates an issuer with the given keys and clock. */
    public TokenIssuer(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The public keys in use as a JWK Set, for {@code /.well-known/jwks.json}. */
    public String jwks() {
        return new JWKSet(List.<JWK>copyOf(keys.publicKeys())).toString();
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
        RSAKey key = keys.signingKey();
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
     * Checks a token: signature with RS256 by the key in use that its {@code kid} names, issuer, audience, not
     * expired.
     *
     * @return the scopes it grants
     * @throws InvalidTokenException saying what is wrong, for the {@code WWW-Authenticate} header
     */
    // tag::verify[]
    public Set<String> verify(String token) {
        Verified known = verified.getIfPresent(token);
        if (known == null) {
            known = check(token);
            verified.put(token, known);
        }
        if (!clock.instant().isBefore(known.expiresAt())) {
            verified.invalidate(token);
            throw new InvalidTokenException("the token has expired");
        }
        if (!keys.verificationKey(known.key().getKeyID())
                .map(known.key()::equals)
                .orElse(false)) {
            verified.invalidate(token); // its key was retired since
            throw new InvalidTokenException("the token's signature is not valid");
        }
        return known.scopes();
    }
    // end::verify[]

    private Verified check(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new InvalidTokenException("the token is not a JWT");
        }
        try {
            Optional<RSAKey> key = keys.verificationKey(jwt.getHeader().getKeyID());
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    || key.isEmpty()
                    || !jwt.verify(new RSASSAVerifier(key.get().toRSAPublicKey()))) {
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
            return new Verified(key.get(), expiry.toInstant(), Scopes.parse(scope == null ? "" : scope));
        } catch (JOSEException | ParseException e) {
            throw new InvalidTokenException("the token cannot be checked");
        }
    }

    /** What checking a token found, kept for its next requests. */
    private record Verified(RSAKey key, Instant expiresAt, Set<String> scopes) {}

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
