package dev.jeeves.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JeevesConfigTest {
    @Test
    void hasSafeDefaults() {
        JeevesConfig config = JeevesConfig.load(Map.of());
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".jeeves"));
        assertThat(config.database().jdbcUrl())
                .isEqualTo("jdbc:h2:file:" + config.dataDir().resolve("jeeves"));
        assertThat(config.slackSigningSecret()).isEmpty();
        assertThat(config.slackApiUrl()).isEqualTo(URI.create("https://slack.com/api"));
        assertThat(config.geocodingUrl()).isEqualTo(URI.create("https://geocoding-api.open-meteo.com/v1"));
        assertThat(config.forecastUrl()).isEqualTo(URI.create("https://api.open-meteo.com/v1"));
        assertThat(config.alertCheckInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void takesEveryDocumentedEnvironmentVariable() {
        JeevesConfig config = JeevesConfig.load(Map.of(
                "JEEVES_HOST", "0.0.0.0",
                "JEEVES_PORT", "9090",
                "JEEVES_DATA_DIR", "/tmp/jeeves-data",
                "JEEVES_DB_URL", "jdbc:postgresql://db/jeeves",
                "JEEVES_SLACK_SIGNING_SECRET", "s3cret",
                "JEEVES_SLACK_BOT_TOKEN", "xoxb-1",
                "JEEVES_SLACK_API_URL", "http://127.0.0.1:1234/api/",
                "JEEVES_WEATHER_GEOCODING_URL", "http://127.0.0.1:1235/v1",
                "JEEVES_WEATHER_FORECAST_URL", "http://127.0.0.1:1236/v1"));
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/jeeves-data"));
        assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:postgresql://db/jeeves");
        assertThat(config.slackSigningSecret().orElseThrow().reveal()).isEqualTo("s3cret");
        assertThat(config.slackBotToken().orElseThrow().reveal()).isEqualTo("xoxb-1");
        assertThat(config.slackApiUrl()).isEqualTo(URI.create("http://127.0.0.1:1234/api"));
        assertThat(config.geocodingUrl()).isEqualTo(URI.create("http://127.0.0.1:1235/v1"));
        assertThat(config.forecastUrl()).isEqualTo(URI.create("http://127.0.0.1:1236/v1"));
    }

    @Test
    void takesTheScaleOutSettings() {
        JeevesConfig config = JeevesConfig.load(Map.of(
                "JEEVES_DB_USER", "jeeves",
                "JEEVES_DB_PASSWORD", "db-s3cret",
                "JEEVES_DB_POOL_SIZE", "25",
                "JEEVES_WORK_TAKEOVER", "PT30S",
                "JEEVES_SLACK_REPLY_ATTEMPTS", "3",
                "JEEVES_SLACK_REPLY_RETRY_DELAY", "PT2S",
                "JEEVES_SIGNING_KEY_ROTATION", "P7D",
                "JEEVES_INSTANCE_NAME", "jeeves-2"));
        assertThat(config.database().user()).contains("jeeves");
        assertThat(config.database().password().orElseThrow().reveal()).isEqualTo("db-s3cret");
        assertThat(config.toString()).doesNotContain("db-s3cret");
        assertThat(config.database().poolSize()).isEqualTo(25);
        assertThat(config.workTakeover()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.slackReplyAttempts()).isEqualTo(3);
        assertThat(config.slackReplyRetryDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.signingKeyRotation()).isEqualTo(Duration.ofDays(7));
        assertThat(config.instanceName()).isEqualTo("jeeves-2");
    }

    @Test
    void takesOverDeadWorkWithinAMinuteByDefault() {
        JeevesConfig config = JeevesConfig.load(Map.of());
        assertThat(config.workTakeover()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.database().user()).isEmpty();
        assertThat(config.database().poolSize()).isEqualTo(10);
        assertThat(config.instanceName()).endsWith("#" + ProcessHandle.current().pid());
    }

    @Test
    void refusesATakeoverTooShortForHeartbeats() {
        assertThatThrownBy(() -> JeevesConfig.load(Map.of("JEEVES_WORK_TAKEOVER", "PT1S")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("invalid configuration: JEEVES_WORK_TAKEOVER must be at least PT3S, got \"PT1S\"");
    }

    @Test
    void neverPrintsSecrets() {
        JeevesConfig config = JeevesConfig.load(
                Map.of("JEEVES_SLACK_SIGNING_SECRET", "s3cret", "JEEVES_SLACK_BOT_TOKEN", "xoxb-topsecret"));
        assertThat(config.toString()).doesNotContain("s3cret").doesNotContain("xoxb-topsecret");
    }

    @Test
    void refusesABadPortNamingTheVariable() {
        assertThatThrownBy(() -> JeevesConfig.load(Map.of("JEEVES_PORT", "eighty")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage(
                        "invalid configuration: JEEVES_PORT must be a whole number from 0 to 65535, got \"eighty\"");
        assertThatThrownBy(() -> JeevesConfig.load(Map.of("JEEVES_PORT", "70000")))
                .hasMessageContaining("JEEVES_PORT");
    }

    @Test
    void refusesAUrlThatIsNotHttp() {
        assertThatThrownBy(() -> JeevesConfig.load(Map.of("JEEVES_SLACK_API_URL", "slack.com/api")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("JEEVES_SLACK_API_URL must be an http:// or https:// URL");
        assertThatThrownBy(() -> JeevesConfig.load(Map.of("JEEVES_WEATHER_FORECAST_URL", "ftp://x/y")))
                .hasMessageContaining("JEEVES_WEATHER_FORECAST_URL");
    }

    @Test
    void refusesADatabaseUrlThatIsNotJdbc() {
        assertThatThrownBy(() -> JeevesConfig.load(Map.of("JEEVES_DB_URL", "postgres://db")))
                .hasMessageContaining("JEEVES_DB_URL must be a JDBC URL");
    }

    @Test
    void refusesALibpqStyleDatabaseUrlWithoutEchoingItsPassword() {
        assertThatThrownBy(() -> JeevesConfig.load(Map.of("JEEVES_DB_URL", "postgres://jeeves:s3cret@db/jeeves")))
                .hasMessage("invalid configuration: JEEVES_DB_URL must be a JDBC URL starting with \"jdbc:\","
                        + " got \"postgres://jeeves:***@db/jeeves\"");
    }

    @Test
    void refusesAnEmptyHost() {
        assertThatThrownBy(() -> JeevesConfig.load(Map.of("JEEVES_HOST", " "))).hasMessageContaining("JEEVES_HOST");
    }
}
