package dev.jeeves.server.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.http.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text fields and user ids are checked before anything is stored, with a detail that says what to change. */
class TextFieldsTest {
    static void assertRefused(Runnable check, String detail) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.status()).isEqualTo(Status.BAD_REQUEST_400);
            assertThat(problem.getMessage()).isEqualTo(detail);
        });
    }

    @Test
    void takesATextUpToItsLimit() {
        assertThat(TextFields.required("name", "abc", 3)).isEqualTo("abc");
        assertThat(TextFields.checked("name", " a ", 3)).as("kept as given").isEqualTo(" a ");
        assertRefused(() -> TextFields.checked("name", "abcd", 3), "field \"name\" has 4 characters; the most is 3");
    }

    @Test
    void refusesAMissingOrBlankText() {
        assertRefused(() -> TextFields.required("text", null, 10), "field \"text\" is required");
        assertRefused(() -> TextFields.required("text", " \t", 10), "field \"text\" must not be blank");
        assertRefused(() -> TextFields.checked("text", "", 10), "field \"text\" must not be blank");
    }

    @Test
    void quotesNamesAsASentence() {
        assertThat(TextFields.quotedList(List.of())).isEmpty();
        assertThat(TextFields.quotedList(List.of("a"))).isEqualTo("\"a\"");
        assertThat(TextFields.quotedList(List.of("a", "b"))).isEqualTo("\"a\" and \"b\"");
        assertThat(TextFields.quotedList(List.of("a", "b", "c"))).isEqualTo("\"a\", \"b\" and \"c\"");
    }

    @Test
    void takesSlackIdsAndSimpleNamesUpTo64Characters() {
        assertThat(UserIds.require("U123ABC")).isEqualTo("U123ABC");
        assertThat(UserIds.require("ada.lovelace_1-x")).isEqualTo("ada.lovelace_1-x");
        assertThat(UserIds.require("u".repeat(64))).hasSize(64);
        String rule = " is not a valid user id: use 1 to 64 letters, digits, '.', '_' or '-'";
        assertRefused(() -> UserIds.require("u".repeat(65)), "\"" + "u".repeat(65) + "\"" + rule);
        assertRefused(() -> UserIds.require("bad id"), "\"bad id\"" + rule);
        assertRefused(() -> UserIds.require(""), "\"\"" + rule);
        assertRefused(() -> UserIds.require(null), "\"\"" + rule);
    }
}
