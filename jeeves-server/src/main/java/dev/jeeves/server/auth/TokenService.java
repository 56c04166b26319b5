package dev.jeeves.server.auth;

import dev.jeeves.api.TokenResponse;
import dev.jeeves.api.credentials.ClientCredentials;
import dev.jeeves.server.support.Problems;
import dev.jeeves.server.support.RequestBodies;
import io.helidon.common.uri.UriQuery;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The token dealer (the book's chapter 7): {@code POST /oauth/token} trades client credentials for an access
 * token (OAuth 2 client credentials grant, RFC 6749 §4.4); {@code GET /.well-known/jwks.json} publishes the key
 * that checks them.
 *
 * <pre>{@code
 * curl -s localhost:8080/oauth/token -d grant_type=client_credentials \
 *      -d client_id=jeeves-admin -d client_secret="$(jq -r .client_secret ~/.jeeves/credentials.json)"
 * {"access_token":"eyJ...","token_type":"Bearer","expires_in":3600,"scope":"messages users:read users:write"}
 * }</pre>
 */
public final class TokenService implements HttpService {
    private final ClientCredentials admin;
    private final TokenIssuer issuer;
    private final RequestBodies bodies;

    /** Creates the service. */
    public TokenService(ClientCredentials admin, TokenIssuer issuer, RequestBodies bodies) {
        this.admin = admin;
        this.issuer = issuer;
        this.bodies = bodies;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/oauth/token", this::token)
                .any("/oauth/token", Problems.onlyMethods("POST"))
                .get("/.well-known/jwks.json", this::jwks)
                .any("/.well-known/jwks.json", Problems.onlyMethods("GET"));
    }

    private void token(ServerRequest req, ServerResponse res) {
        boolean form = req.headers()
                .contentType()
                .map(type -> type.mediaType().text().equals("application/x-www-form-urlencoded"))
                .orElse(false);
        if (!form) {
            throw oauthError(
                    Status.BAD_REQUEST_400,
                    "invalid_request",
                    "send the request form-encoded (Content-Type: application/x-www-form-urlencoded)");
        }
        UriQuery params = UriQuery.create(new String(bodies.read(req, 8 * 1024), StandardCharsets.UTF_8));
        for (String name : params.names()) {
            // RFC 6749 §3.2: parameters must not be included more than once.
            if (params.all(name).size() > 1) {
                throw oauthError(Status.BAD_REQUEST_400, "invalid_request", name + " is given more than once");
            }
        }
        String grant = params.first("grant_type").orElse("");
        if (!grant.equals("client_credentials")) {
            throw oauthError(
                    Status.BAD_REQUEST_400,
                    "unsupported_grant_type",
                    "grant_type must be client_credentials, got \"" + grant + "\"");
        }
        String[] client = clientOf(req, params);
        if (!admin.matches(client[0], client[1])) {
            throw new OAuthError(
                    Status.UNAUTHORIZED_401,
                    "invalid_client",
                    "unknown client or wrong secret",
                    Map.of("WWW-Authenticate", "Basic realm=\"jeeves\""));
        }
        Set<String> scopes = Scopes.ALL;
        if (params.contains("scope")) {
            scopes = Scopes.parse(params.get("scope"));
            Set<String> unknown = new HashSet<>(scopes);
            unknown.removeAll(Scopes.ALL);
            if (scopes.isEmpty() || !unknown.isEmpty()) {
                throw oauthError(
                        Status.BAD_REQUEST_400,
                        "invalid_scope",
                        "scope may only hold " + Scopes.format(Scopes.ALL) + ", got \"" + params.get("scope") + "\"");
            }
        }
        TokenIssuer.AccessToken token = issuer.issue(client[0], scopes);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(new TokenResponse(
                token.value(), "Bearer", TokenIssuer.LIFETIME.toSeconds(), Scopes.format(token.scopes())));
    }

    private void jwks(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "application/jwk-set+json");
        res.send(issuer.jwks());
    }

    /** The client id and secret, from HTTP Basic or from the form (both are allowed by RFC 6749 §2.3.1). */
    private static String[] clientOf(ServerRequest req, UriQuery params) {
        var authorization = req.headers().first(HeaderNames.AUTHORIZATION);
        if (authorization.isPresent() && authorization.get().regionMatches(true, 0, "Basic ", 0, 6)) {
            if (params.contains("client_id") || params.contains("client_secret")) {
                // RFC 6749 §2.3: a client must not use more than one way to authenticate in a request.
                throw oauthError(
                        Status.BAD_REQUEST_400,
                        "invalid_request",
                        "give the client credentials once: as HTTP Basic or in the form, not both");
            }
            try {
                String decoded = new String(
                        Base64.getDecoder()
                                .decode(authorization.get().substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    // RFC 6749 §2.3.1: each is form-urlencoded before the two are joined and base64-encoded.
                    return new String[] {
                        URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                        URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
                    };
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            throw oauthError(Status.BAD_REQUEST_400, "invalid_request", "the Basic Authorization header is malformed");
        }
        String id = params.first("client_id").orElse("");
        String secret = params.first("client_secret").orElse("");
        if (id.isEmpty() || secret.isEmpty()) {
            throw oauthError(
                    Status.BAD_REQUEST_400,
                    "invalid_request",
                    "give client_id and client_secret (in the form or as HTTP Basic)");
        }
        return new String[] {id, secret};
    }

    private static OAuthError oauthError(Status status, String error, String description) {
        return new OAuthError(status, error, description);
    }
}
