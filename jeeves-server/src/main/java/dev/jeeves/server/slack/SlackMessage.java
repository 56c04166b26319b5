package dev.jeeves.server.slack;

import java.util.Optional;

/**
 * A message from Slack that Jeeves should answer.
 *
 * @param eventId Slack's event id, unique per event (retries reuse it)
 * @param userId who wrote
 * @param channel where to answer
 * @param text what they wrote, leading mention removed
 * @param threadTs the thread to answer in (channel mentions), empty for direct messages
 */
public record SlackMessage(String eventId, String userId, String channel, String text, Optional<String> threadTs) {}
