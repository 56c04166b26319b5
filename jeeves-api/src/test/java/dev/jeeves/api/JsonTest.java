package dev.jeeves.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one mapper refuses what it would otherwise guess at, and keeps the three states of a field to change. */
class JsonTest {
    @Test
    void refusesAnUnknownField() {
        assertThatThrownBy(() -> Json.MAPPER.readValue("{\"user\":\"U1\",\"txt\":\"hi\"}", MessageRequest.class))
                .isInstanceOfSatisfying(
                        UnrecognizedPropertyException.class,
                        e -> assertThat(e.getPropertyName()).isEqualTo("txt"));
    }

    @Test
    void refusesANumberWhereAStringBelongs() {
        assertThatThrownBy(() -> Json.MAPPER.readValue("{\"user\":5,\"text\":\"hi\"}", MessageRequest.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void refusesDuplicateKeysAndTrailingGarbage() {
        assertThatThrownBy(() -> Json.MAPPER.readValue("{\"user\":\"a\",\"user\":\"b\"}", MessageRequest.class))
                .hasMessageContaining("Duplicate field 'user'");
        assertThatThrownBy(() -> Json.MAPPER.readValue("{\"user\":\"a\"} {}", MessageRequest.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    @SuppressWarnings("NullOptional") // UserUpdate is tri-state by design: null leaves a field out of the PUT
    void tellsAFieldLeftOutFromAFieldSentAsNull() throws Exception {
        UserUpdate update = Json.MAPPER.readValue("{\"name\":\"Ada\",\"location\":null}", UserUpdate.class);
        assertThat(update.name()).contains("Ada");
        assertThat(update.email()).isNull(); // left out: unchanged
        assertThat(update.location()).isEmpty(); // null: cleared
        assertThat(Json.MAPPER.writeValueAsString(update)).isEqualTo("{\"name\":\"Ada\",\"location\":null}");
        assertThat(new UserUpdate(null, null, null).changesNothing()).isTrue();
        assertThat(new UserUpdate(null, Optional.empty(), null).changesNothing())
                .isFalse();
        assertThat(new UserUpdate(Optional.of("Ada"), null, null).changesNothing())
                .isFalse();
        assertThat(new UserUpdate(null, null, Optional.empty()).changesNothing())
                .isFalse();
    }

    @Test
    void writesTheTokenResponseWithOAuthNames() throws Exception {
        assertThat(Json.MAPPER.writeValueAsString(new TokenResponse("t", "Bearer", 3600, "messages")))
                .isEqualTo(
                        "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"messages\"}");
    }

    @Test
    void neverPrintsASecret() {
        assertThat(Secret.of("hunter2")).hasToString("********");
        assertThat(Secret.of("hunter2").reveal()).isEqualTo("hunter2");
    }
}
