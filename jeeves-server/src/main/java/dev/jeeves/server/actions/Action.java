package dev.jeeves.server.actions;

/**
 * One thing Jeeves can do, picked by the first word of a message. Each action is one class; the
 * {@link ActionRouter} finds it by {@link #name()}.
 */
public interface Action {
    /** The word that picks this action, lower case: {@code weather}. */
    String name();

    /** How to call it: {@code weather [in|for] <place>}. */
    String usage();

    /** One sentence on what it does. */
    String description();

    /** What {@code help <name>} says: by default the usage and the description. */
    default String help() {
        return usage() + " - " + description();
    }

    /**
     * Answers one message.
     *
     * @param request who asked, and the words after the action's name
     * @return the reply to send back, never null
     */
    String run(ActionRequest request);
}
