package dev.jeeves.server.actions;

/**
 * What the router answered.
 *
 * @param action the action that answered ({@code unknown} when the word matched none)
 * @param text the reply for the user
 */
public record Reply(String action, String text) {}
