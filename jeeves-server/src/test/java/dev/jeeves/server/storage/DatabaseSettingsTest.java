package dev.jeeves.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jeeves.api.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {
    private static DatabaseSettings withPool(int poolSize) {
        return new DatabaseSettings(
                "jdbc:postgresql://db.example:5432/jeeves?password=s3cret",
                Optional.of("operator"),
                Optional.of(Secret.of("s3cret")),
                poolSize,
                Duration.ofSeconds(5),
                Path.of("data"));
    }

    @Test
    void refusesAPoolOfNoConnections() {
        assertThatThrownBy(() -> withPool(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("poolSize must be at least 1: 0");
        assertThat(withPool(1).poolSize()).isEqualTo(1);
    }

    @Test
    void printsWhereAndAsWhomButNeverThePassword() {
        assertThat(withPool(4))
                .hasToString("DatabaseSettings[jdbc:postgresql://db.example:5432/jeeves?password=***, user=operator,"
                        + " poolSize=4]");
    }
}
