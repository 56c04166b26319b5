package dev.jeeves.server.actions;

import java.util.List;

/**
 * A message addressed to one action.
 *
 * @param userId who asked (the user exists by the time an action runs)
 * @param arguments the text after the action's word, trimmed, case kept: {@code in New York}
 */
public record ActionRequest(String userId, String arguments) {

    /** The arguments split on whitespace; empty when there are none. */
    public List<String> words() {
        return arguments.isEmpty() ? List.of() : List.of(arguments.split("\\s+"));
    }

    /** The arguments after the first {@code n} words, trimmed, case and inner spacing kept. */
    public String after(int n) {
        String rest = arguments;
        for (int i = 0; i < n && !rest.isEmpty(); i++) {
            String[] parts = rest.split("\\s+", 2);
            rest = parts.length > 1 ? parts[1].strip() : "";
        }
        return rest;
    }
}
