package dev.jeeves.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /oauth/token}'s answer (RFC 6749 §5.1).
 *
 * @param accessToken the JWT to send as {@code Authorization: Bearer}
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until it expires
 * @param scope what it allows, space-separated: {@code messages users:read users:write}
 */
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        String scope) {}
