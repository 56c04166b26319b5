package dev.jeeves.server.actions;

import dev.jeeves.server.storage.Database;
import dev.jeeves.server.storage.SettingsStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code config show | get <key> | set <key> <value> | unset <key>}: a user's own settings. Every command
 * answers something (the book's {@code config get} never did).
 */
public final class ConfigAction implements Action {
    /** Setting keys: lower-case letters, digits, {@code _ . -}, 1 to 64 of them. */
    public static final Pattern KEY = Pattern.compile("[a-z0-9_.-]{1,64}");
    /** Longest value, in characters. */
    public static final int MAX_VALUE_LENGTH = 256;
    /** Most settings one user may have. */
    public static final int MAX_KEYS = 50;

    private final Database database;
    private final SettingsStore settings;

    /** Creates the action; {@code database} makes the limit check and the write one transaction. */
    public ConfigAction(Database database, SettingsStore settings) {
        this.database = database;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "config";
    }

    @Override
    public String usage() {
        return "config show | get <key> | set <key> <value> | unset <key>";
    }

    @Override
    public String description() {
        return "Shows and changes your settings.";
    }

    @Override
    public String run(ActionRequest request) {
        List<String> words = request.words();
        String command = words.isEmpty() ? "show" : words.get(0).toLowerCase(Locale.ROOT);
        String user = request.userId();
        return switch (command) {
            case "show" -> show(settings.all(user));
            case "get" ->
                withKey(
                        words,
                        key -> settings.get(user, key)
                                .map(value -> key + " = " + value)
                                .orElse(key + " is not set."));
            case "set" -> withKey(words, key -> set(user, key, request.after(2)));
            case "unset" ->
                withKey(words, key -> settings.unset(user, key) ? "Unset " + key + "." : key + " was not set.");
            default -> "Usage: " + usage();
        };
    }

    private String set(String user, String key, String value) {
        if (value.isEmpty()) {
            return "Give a value: config set " + key + " <value>";
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            return "That value has " + value.length() + " characters; the most is " + MAX_VALUE_LENGTH + ".";
        }
        // One user's writes take turns (the lock on their row), so two at once cannot both pass the limit.
        boolean set = database.inTransaction(() -> {
            settings.lockSettingsOf(user);
            if (settings.get(user, key).isEmpty() && settings.count(user) >= MAX_KEYS) {
                return false;
            }
            settings.set(user, key, value);
            return true;
        });
        if (!set) {
            return "You already have " + MAX_KEYS + " settings, the most there can be. Unset one first.";
        }
        return "Set " + key + " = " + value + ".";
    }

    private String withKey(List<String> words, java.util.function.Function<String, String> command) {
        if (words.size() < 2) {
            return "Which key? Usage: " + usage();
        }
        String key = words.get(1);
        if (!KEY.matcher(key).matches()) {
            return "\"" + key + "\" is not a valid key: use 1 to 64 of a-z, 0-9, _ . -";
        }
        return command.apply(key);
    }

    private static String show(Map<String, String> all) {
        if (all.isEmpty()) {
            return "You have no settings. Add one with \"config set <key> <value>\".";
        }
        return all.entrySet().stream()
                .map(entry -> entry.getKey() + " = " + entry.getValue())
                .collect(Collectors.joining("\n", "Your settings:\n", ""));
    }
}
