package dev.jeeves.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A 401's reason goes into {@code WWW-Authenticate} as RFC 6750 allows it there, whatever the reason holds. */
class BearerAuthTest {
    @Test
    void keepsPrintableAsciiInTheHeaderAndReplacesTheRest() {
        assertThat(BearerAuth.headerSafe(" token ~ok")).isEqualTo(" token ~ok");
        assertThat(BearerAuth.headerSafe("a \"kid\"")).isEqualTo("a 'kid'");
        assertThat(BearerAuth.headerSafe("back\\slash, line\nbreak, \u001f\u007f, Grüße"))
                .isEqualTo("back?slash, line?break, ??, Gr??e");
    }
}
