package dev.jeeves.server;

import dev.jeeves.api.Secret;
import io.helidon.config.Config;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Typed values of the {@code jeeves} configuration node, each checked as it is read: a value that cannot work is an
 * {@link InvalidConfigException} naming its environment variable ({@code JEEVES_PORT}), or its key when it has none.
 */
final class ConfigValues {
    private final Config node;
    private final Map<String, String> variables;

    /**
     * @param node the {@code jeeves} node
     * @param variables each environment variable with the full key it overrides ({@code jeeves.port})
     */
    ConfigValues(Config node, Map<String, String> variables) {
        this.node = node;
        this.variables = variables;
    }

    String text(String key) {
        return node.get(key).asString().orElse("").trim();
    }

    String nonEmpty(String key) {
        String value = text(key);
        if (value.isEmpty()) {
            throw invalid(key, value, "a value");
        }
        return value;
    }

    int integer(String key, int min, int max) {
        String value = text(key);
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw invalid(key, value, "a whole number from " + min + " to " + max);
    }

    Optional<Secret> secret(String key) {
        String value = text(key);
        return value.isEmpty() ? Optional.empty() : Optional.of(Secret.of(value));
    }

    URI httpUrl(String key) {
        String value = text(key);
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw invalid(key, value, "an http:// or https:// URL");
    }

    Duration duration(String key) {
        String value = text(key);
        try {
            Duration duration = Duration.parse(value);
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw invalid(key, value, "a positive ISO-8601 duration such as PT5S");
    }

    /** A directory, {@code ~} standing for the user's home, made absolute. */
    Path directory(String key) {
        String value = text(key);
        if (value.isEmpty()) {
            throw invalid(key, value, "a directory");
        }
        if (value.equals("~") || value.startsWith("~/")) {
            value = System.getProperty("user.home") + value.substring(1);
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    InvalidConfigException invalid(String key, String value, String expected) {
        String fullKey = "jeeves." + key;
        String name = variables.entrySet().stream()
                .filter(entry -> entry.getValue().equals(fullKey))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(fullKey);
        return new InvalidConfigException(
                "invalid configuration: " + name + " must be " + expected + ", got \"" + value + "\"");
    }
}
