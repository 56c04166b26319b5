package dev.jeeves.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which scope each part of the API needs, and how OAuth 2's scope strings are read and written. */
class ScopesTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(textBlock = """
            POST,   /api/messages,      messages
            POST,   /api/messages/x,    messages
            GET,    /api/users,         users:read
            HEAD,   /api/users/U1,      users:read
            GET,    /api/users/U1,      users:read
            PUT,    /api/users/U1,      users:write
            DELETE, /api/users/U1,      users:write
            POST,   /api/users,         users:write
            GET,    /api/messagesx,     ''
            GET,    /api/usersx,        ''
            GET,    /api/status,        ''
            """)
    void eachPartOfTheApiNeedsItsScope(String method, String path, String scope) {
        assertThat(Scopes.requiredFor(method, path)).isEqualTo(scope.isEmpty() ? null : scope);
    }

    @Test
    void readsSpaceSeparatedScopesOnceEachInOrder() {
        assertThat(Scopes.parse("  users:read \t messages users:read ")).containsExactly("users:read", "messages");
        assertThat(Scopes.parse("")).isEmpty();
        assertThat(Scopes.format(Scopes.parse("users:write messages"))).isEqualTo("messages users:write");
    }
}
