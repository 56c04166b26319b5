package dev.jeeves.api;

/**
 * One thing Jeeves can do ({@code GET /api/actions}).
 *
 * @param name the word that picks it: {@code weather}
 * @param usage how to call it: {@code weather [in|for] <place>}
 * @param description one sentence on what it does
 */
public record ActionInfo(String name, String usage, String description) {}
