package dev.jeeves.server;

import dev.jeeves.api.Secret;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Jeeves needs to know at start-up, read once and validated, so a bad value stops the server with
 * one clear line instead of failing later. Defaults live in {@code application.yaml}; each environment
 * variable in {@link #ENVIRONMENT} overrides its key.
 *
 * <pre>{@code
 * JEEVES_PORT=9090 JEEVES_SLACK_SIGNING_SECRET=... java -jar jeeves-server.jar
 * }</pre>
 *
 * @param host interface the server binds
 * @param port TCP port, 0 for an ephemeral one
 * @param dataDir directory of the embedded database
 * @param jdbcUrl JDBC URL of the database (embedded H2 in {@code dataDir} unless {@code JEEVES_DB_URL} is set)
 * @param slackSigningSecret verifies Slack's requests; absent means Slack events are refused with 503
 * @param slackBotToken authorizes replies to Slack; absent means replies cannot be posted
 * @param slackApiUrl base URL of Slack's Web API
 * @param slackPostAttempts attempts per reply across rate limits and server errors
 * @param geocodingUrl base URL of Open-Meteo's geocoding API
 * @param forecastUrl base URL of Open-Meteo's forecast API
 * @param connectTimeout connect timeout for calls to Slack and Open-Meteo
 * @param readTimeout response timeout for calls to Slack and Open-Meteo
 * @param alertCheckInterval how often due weather alerts are looked for
 * @param shutdownGracePeriod how long a stopping server waits for in-flight work
 * @param server Helidon's own {@code server} configuration node
 */
public record JeevesConfig(
        String host,
        int port,
        Path dataDir,
        String jdbcUrl,
        Optional<Secret> slackSigningSecret,
        Optional<Secret> slackBotToken,
        URI slackApiUrl,
        int slackPostAttempts,
        URI geocodingUrl,
        URI forecastUrl,
        Duration connectTimeout,
        Duration readTimeout,
        Duration alertCheckInterval,
        Duration shutdownGracePeriod,
        Config server) {

    /** The environment variables Jeeves reads, each with the configuration key it overrides. */
    public static final Map<String, String> ENVIRONMENT = environmentKeys();

    private static Map<String, String> environmentKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("JEEVES_HOST", "jeeves.host");
        keys.put("JEEVES_PORT", "jeeves.port");
        keys.put("JEEVES_DATA_DIR", "jeeves.data-dir");
        keys.put("JEEVES_DB_URL", "jeeves.db-url");
        keys.put("JEEVES_SLACK_SIGNING_SECRET", "jeeves.slack.signing-secret");
        keys.put("JEEVES_SLACK_BOT_TOKEN", "jeeves.slack.bot-token");
        keys.put("JEEVES_SLACK_API_URL", "jeeves.slack.api-url");
        keys.put("JEEVES_WEATHER_GEOCODING_URL", "jeeves.weather.geocoding-url");
        keys.put("JEEVES_WEATHER_FORECAST_URL", "jeeves.weather.forecast-url");
        keys.put("JEEVES_UPSTREAM_CONNECT_TIMEOUT", "jeeves.upstream.connect-timeout");
        keys.put("JEEVES_UPSTREAM_READ_TIMEOUT", "jeeves.upstream.read-timeout");
        keys.put("JEEVES_SLACK_POST_ATTEMPTS", "jeeves.slack.post-attempts");
        keys.put("JEEVES_ALERTS_CHECK_INTERVAL", "jeeves.alerts.check-interval");
        keys.put("JEEVES_SHUTDOWN_GRACE_PERIOD", "jeeves.shutdown-grace-period");
        return Collections.unmodifiableMap(keys);
    }

    /**
     * Reads {@code application.yaml} with the given environment on top.
     *
     * @param environment variables, usually {@code System.getenv()}; tests pass their own map
     * @throws InvalidConfigException naming the variable (or key) whose value cannot work
     */
    public static JeevesConfig load(Map<String, String> environment) {
        Map<String, String> overrides = new LinkedHashMap<>();
        ENVIRONMENT.forEach((variable, key) -> {
            String value = environment.get(variable);
            if (value != null) {
                overrides.put(key, value);
            }
        });
        Config config = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(overrides).name("environment"))
                .addSource(ConfigSources.classpath("application.yaml"))
                .build();
        return from(config);
    }

    /** Validates an already assembled configuration tree. */
    static JeevesConfig from(Config config) {
        Config jeeves = config.get("jeeves");
        Path dataDir = dataDir(text(jeeves, "data-dir"));
        String dbUrl = text(jeeves, "db-url");
        if (!dbUrl.isEmpty() && !dbUrl.startsWith("jdbc:")) {
            throw invalid("jeeves.db-url", dbUrl, "a JDBC URL starting with \"jdbc:\"");
        }
        String jdbcUrl =
                dbUrl.isEmpty() ? "jdbc:h2:file:" + dataDir.resolve("jeeves").toAbsolutePath() : dbUrl;
        return new JeevesConfig(
                nonEmpty(jeeves, "host"),
                integer(jeeves, "port", 0, 65_535),
                dataDir,
                jdbcUrl,
                secret(jeeves, "slack.signing-secret"),
                secret(jeeves, "slack.bot-token"),
                httpUrl(jeeves, "slack.api-url"),
                integer(jeeves, "slack.post-attempts", 1, 10),
                httpUrl(jeeves, "weather.geocoding-url"),
                httpUrl(jeeves, "weather.forecast-url"),
                duration(jeeves, "upstream.connect-timeout"),
                duration(jeeves, "upstream.read-timeout"),
                duration(jeeves, "alerts.check-interval"),
                duration(jeeves, "shutdown-grace-period"),
                config.get("server"));
    }

    /** Names the setting for a message: its environment variable when it has one, else its key. */
    static String nameOf(String key) {
        return ENVIRONMENT.entrySet().stream()
                .filter(entry -> entry.getValue().equals(key))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(key);
    }

    private static String text(Config jeeves, String key) {
        return jeeves.get(key).asString().orElse("").trim();
    }

    private static String nonEmpty(Config jeeves, String key) {
        String value = text(jeeves, key);
        if (value.isEmpty()) {
            throw invalid("jeeves." + key, value, "a value");
        }
        return value;
    }

    private static int integer(Config jeeves, String key, int min, int max) {
        String value = text(jeeves, key);
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw invalid("jeeves." + key, value, "a whole number from " + min + " to " + max);
    }

    private static Optional<Secret> secret(Config jeeves, String key) {
        String value = text(jeeves, key);
        return value.isEmpty() ? Optional.empty() : Optional.of(Secret.of(value));
    }

    private static URI httpUrl(Config jeeves, String key) {
        String value = text(jeeves, key);
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw invalid("jeeves." + key, value, "an http:// or https:// URL");
    }

    private static Duration duration(Config jeeves, String key) {
        String value = text(jeeves, key);
        try {
            Duration duration = Duration.parse(value);
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw invalid("jeeves." + key, value, "a positive ISO-8601 duration such as PT5S");
    }

    private static Path dataDir(String value) {
        if (value.isEmpty()) {
            throw invalid("jeeves.data-dir", value, "a directory");
        }
        if (value.equals("~") || value.startsWith("~/")) {
            value = System.getProperty("user.home") + value.substring(1);
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    private static InvalidConfigException invalid(String key, String value, String expected) {
        return new InvalidConfigException(
                "invalid configuration: " + nameOf(key) + " must be " + expected + ", got \"" + value + "\"");
    }
}
