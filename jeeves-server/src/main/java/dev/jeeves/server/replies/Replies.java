package dev.jeeves.server.replies;

import java.util.Optional;

/**
 * Where Jeeves' answers go out: what the Slack event processor and the daily alerts need of Slack, and no more.
 * {@code SlackClient} is the real one; tests pass a recording one.
 *
 * <pre>{@code
 * replies.post("D123", "Your daily weather: Berlin, Germany: 18°C ...", Optional.empty());
 * }</pre>
 */
public interface Replies {
    /**
     * Posts a message, with whatever retrying the transport does.
     *
     * @param channel a channel id, or a user id for their direct messages
     * @param text the message
     * @param threadTs the thread to answer in, if any
     * @return what became of it; a reply that was not delivered is logged and counted by the implementation
     */
    Delivery post(String channel, String text, Optional<String> threadTs);
}
