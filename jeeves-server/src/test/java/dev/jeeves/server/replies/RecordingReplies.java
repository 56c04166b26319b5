package dev.jeeves.server.replies;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Replies} that keeps what was posted, for tests of what Jeeves answers, without any Slack. */
public final class RecordingReplies implements Replies {
    /**
     * One posted reply.
     *
     * @param channel where it went
     * @param text what it said
     * @param threadTs the thread it answered in, if any
     */
    public record Posted(String channel, String text, Optional<String> threadTs) {}

    private final List<Posted> posted = new CopyOnWriteArrayList<>();

    @Override
    public Delivery post(String channel, String text, Optional<String> threadTs) {
        posted.add(new Posted(channel, text, threadTs));
        return Delivery.delivered();
    }

    /** Everything posted, in order. */
    public List<Posted> posted() {
        return List.copyOf(posted);
    }

    /** How many replies went to this channel. */
    public long postsTo(String channel) {
        return posted.stream().filter(post -> post.channel().equals(channel)).count();
    }
}
