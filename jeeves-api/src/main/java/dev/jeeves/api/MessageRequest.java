package dev.jeeves.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;

/**
 * {@code POST /api/messages}: a message to Jeeves, as if {@code user} had written it in Slack.
 *
 * @param user who writes: a user id ({@link ApiLimits#USER_ID})
 * @param text what they write, at most {@link ApiLimits#MAX_TEXT_LENGTH} characters
 */
@JsonClassDescription("a message")
public record MessageRequest(String user, String text) {}
