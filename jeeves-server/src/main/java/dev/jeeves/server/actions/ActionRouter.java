package dev.jeeves.server.actions;

import dev.jeeves.server.storage.UserStore;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Picks the action for a message by its first word, as a whole word and case-insensitively, and runs it. Slack
 * events and {@code POST /api/messages} both come through here, so they always answer alike.
 *
 * <pre>{@code
 * router.route("U123", "Weather in Berlin")  // -> Reply[action=weather, text=Berlin, Germany: 18°C ...]
 * }</pre>
 */
public final class ActionRouter {
    /** The action name reported for a word that matches no action. */
    public static final String UNKNOWN = "unknown";

    private final Map<String, Action> actions = new LinkedHashMap<>();
    private final UserStore users;
    private final MeterRegistry meters;

    /** Creates the router over the given actions, in the order help lists them. */
    public ActionRouter(List<Action> actions, UserStore users, MeterRegistry meters) {
        actions.forEach(action -> this.actions.put(action.name(), action));
        this.users = users;
        this.meters = meters;
    }

    /**
     * The router over {@code help} followed by the given actions: what the server and the tests both use.
     */
    public static ActionRouter withHelp(List<Action> actions, UserStore users, MeterRegistry meters) {
        List<Action> all = new java.util.ArrayList<>();
        all.add(new HelpAction(actions));
        all.addAll(actions);
        return new ActionRouter(all, users, meters);
    }

    /** The actions, in help order. */
    public List<Action> actions() {
        return List.copyOf(actions.values());
    }

    /**
     * Answers a message from a user, creating the user on their first message.
     *
     * @param userId who wrote
     * @param text what they wrote, without any leading Slack mention
     */
    public Reply route(String userId, String text) {
        users.ensureExists(userId);
        String[] parts = text.strip().split("\\s+", 2);
        String word = parts[0].toLowerCase(Locale.ROOT);
        Action action = actions.get(word);
        Reply reply;
        if (word.isEmpty()) {
            reply = new Reply("help", "Hello! Say \"help\" to see what I can do.");
        } else if (action == null) {
            reply = new Reply(UNKNOWN, "I don't know how to \"" + parts[0] + "\". Try \"help\".");
        } else {
            String arguments = parts.length > 1 ? parts[1].strip() : "";
            reply = new Reply(action.name(), action.run(new ActionRequest(userId, arguments)));
        }
        meters.getOrCreate(Counter.builder("jeeves.actions")
                        .description("Messages answered, by action")
                        .tags(List.of(Tag.create("action", reply.action()))))
                .increment();
        return reply;
    }
}
