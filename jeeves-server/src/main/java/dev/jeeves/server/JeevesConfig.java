package dev.jeeves.server;

import dev.jeeves.api.Secret;
import dev.jeeves.server.storage.Database;
import dev.jeeves.server.storage.DatabaseSettings;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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
 * @param dataDir directory of the embedded database and the admin credentials
 * @param database the database: embedded H2 in {@code dataDir} unless {@code JEEVES_DB_URL} is set, with its user,
 *     password and pool size
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
 * @param idleTimeout how long a client connection may carry no request before it is closed
 * @param requestTimeout how long a request's headers (from its first line), and then its body, may take to arrive
 * @param workTakeover the longest time before the work of an instance that died runs on another one
 * @param slackReplyAttempts executions of one Slack reply before it is recorded as failed
 * @param slackReplyRetryDelay the wait before a reply's second execution (doubling after)
 * @param signingKeyRotation the age at which a new token-signing key is added
 * @param instanceName this instance's name in the work table ({@code scheduled_tasks.picked_by})
 * @param server Helidon's own {@code server} configuration node
 */
public record JeevesConfig(
        String host,
        int port,
        Path dataDir,
        DatabaseSettings database,
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
        Duration idleTimeout,
        Duration requestTimeout,
        Duration workTakeover,
        int slackReplyAttempts,
        Duration slackReplyRetryDelay,
        Duration signingKeyRotation,
        String instanceName,
        Config server) {

    /** The environment variables Jeeves reads, each with the configuration key it overrides. */
    public static final Map<String, String> ENVIRONMENT = environmentKeys();

    private static Map<String, String> environmentKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("JEEVES_HOST", "jeeves.host");
        keys.put("JEEVES_PORT", "jeeves.port");
        keys.put("JEEVES_DATA_DIR", "jeeves.data-dir");
        keys.put("JEEVES_DB_URL", "jeeves.db-url");
        keys.put("JEEVES_DB_USER", "jeeves.db-user");
        keys.put("JEEVES_DB_PASSWORD", "jeeves.db-password");
        keys.put("JEEVES_DB_POOL_SIZE", "jeeves.db-pool-size");
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
        keys.put("JEEVES_HTTP_IDLE_TIMEOUT", "jeeves.http.idle-timeout");
        keys.put("JEEVES_HTTP_REQUEST_TIMEOUT", "jeeves.http.request-timeout");
        keys.put("JEEVES_WORK_TAKEOVER", "jeeves.work.takeover");
        keys.put("JEEVES_SLACK_REPLY_ATTEMPTS", "jeeves.slack.reply-attempts");
        keys.put("JEEVES_SLACK_REPLY_RETRY_DELAY", "jeeves.slack.reply-retry-delay");
        keys.put("JEEVES_SIGNING_KEY_ROTATION", "jeeves.signing-key-rotation");
        keys.put("JEEVES_INSTANCE_NAME", "jeeves.instance-name");
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
        ConfigValues jeeves = new ConfigValues(config.get("jeeves"), ENVIRONMENT);
        Path dataDir = jeeves.directory("data-dir");
        String dbUrl = jeeves.text("db-url");
        if (!dbUrl.isEmpty() && !dbUrl.startsWith("jdbc:")) {
            throw jeeves.invalid("db-url", Database.withoutPassword(dbUrl), "a JDBC URL starting with \"jdbc:\"");
        }
        String jdbcUrl =
                dbUrl.isEmpty() ? "jdbc:h2:file:" + dataDir.resolve("jeeves").toAbsolutePath() : dbUrl;
        return new JeevesConfig(
                jeeves.nonEmpty("host"),
                jeeves.integer("port", 0, 65_535),
                dataDir,
                new DatabaseSettings(
                        jdbcUrl,
                        Optional.of(jeeves.text("db-user")).filter(user -> !user.isEmpty()),
                        jeeves.secret("db-password"),
                        jeeves.integer("db-pool-size", 1, 500),
                        DatabaseSettings.DEFAULT_CONNECTION_TIMEOUT,
                        dataDir),
                jeeves.secret("slack.signing-secret"),
                jeeves.secret("slack.bot-token"),
                jeeves.httpUrl("slack.api-url"),
                jeeves.integer("slack.post-attempts", 1, 10),
                jeeves.httpUrl("weather.geocoding-url"),
                jeeves.httpUrl("weather.forecast-url"),
                jeeves.duration("upstream.connect-timeout"),
                jeeves.duration("upstream.read-timeout"),
                jeeves.duration("alerts.check-interval"),
                jeeves.duration("shutdown-grace-period"),
                jeeves.duration("http.idle-timeout"),
                jeeves.duration("http.request-timeout"),
                takeover(jeeves),
                jeeves.integer("slack.reply-attempts", 1, 20),
                jeeves.duration("slack.reply-retry-delay"),
                jeeves.duration("signing-key-rotation"),
                instanceName(jeeves.text("instance-name")),
                config.get("server"));
    }

    private static Duration takeover(ConfigValues jeeves) {
        Duration takeover = jeeves.duration("work.takeover");
        if (takeover.compareTo(Duration.ofSeconds(3)) < 0) {
            throw jeeves.invalid("work.takeover", takeover.toString(), "at least PT3S");
        }
        return takeover;
    }

    /** The configured name, else this host's name and the process id: unique among instances on one host. */
    private static String instanceName(String configured) {
        if (!configured.isEmpty()) {
            return configured;
        }
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return host + "#" + ProcessHandle.current().pid();
    }
}
