package dev.jeeves.server.actions;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code help} lists every action with its usage; {@code help weather} explains one. (The book's version
 * crashed when given an argument.)
 */
public final class HelpAction implements Action {
    private final List<Action> others;

    /** Creates help over the other actions, listed after itself. */
    public HelpAction(List<Action> others) {
        this.others = List.copyOf(others);
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String usage() {
        return "help [action]";
    }

    @Override
    public String description() {
        return "Lists what I can do, or explains one action.";
    }

    @Override
    public String run(ActionRequest request) {
        List<String> words = request.words();
        if (words.isEmpty()) {
            return all().map(action -> "• " + action.usage() + " - " + action.description())
                    .collect(Collectors.joining("\n", "Here is what I can do:\n", ""));
        }
        String wanted = words.get(0).toLowerCase(Locale.ROOT);
        return find(wanted)
                .map(Action::help)
                .orElse("There is no action called \"" + words.get(0) + "\". Say \"help\" for the list.");
    }

    private Optional<Action> find(String name) {
        return all().filter(action -> action.name().equals(name)).findFirst();
    }

    /** Help itself first, then the others. */
    private Stream<Action> all() {
        return Stream.concat(Stream.of(this), others.stream());
    }
}
