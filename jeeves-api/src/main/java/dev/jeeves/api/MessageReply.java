package dev.jeeves.api;

/**
 * Jeeves' answer to a {@link MessageRequest}.
 *
 * @param action the action that answered: {@code weather}, {@code help}..., {@code unknown} when none matched
 * @param reply the reply, as Slack would show it
 */
public record MessageReply(String action, String reply) {}
