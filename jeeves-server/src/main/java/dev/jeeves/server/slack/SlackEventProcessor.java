package dev.jeeves.server.slack;

import dev.jeeves.server.actions.ActionRouter;
import dev.jeeves.server.actions.Reply;
import dev.jeeves.server.replies.Replies;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers accepted Slack messages off the request thread (Slack wants its 200 within three seconds, and a
 * weather lookup plus a post can take longer), one virtual thread each. {@link #close(Duration)} lets pending
 * replies finish, within a bound, before the database goes away.
 */
public final class SlackEventProcessor {
    private static final Logger LOG = Logger.getLogger(SlackEventProcessor.class.getName());

    private final ActionRouter router;
    private final Replies replies;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("slack-event-", 0).factory());

    /** Creates the processor. */
    public SlackEventProcessor(ActionRouter router, Replies replies) {
        this.router = router;
        this.replies = replies;
    }

    /**
     * Queues a message to be answered.
     *
     * @return false when the server is stopping and can take no more work
     */
    public boolean submit(SlackMessage message) {
        try {
            executor.execute(() -> answer(message));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Answers one message now: route it, post the reply. */
    void answer(SlackMessage message) {
        try {
            Reply reply = router.route(message.userId(), message.text());
            replies.post(message.channel(), reply.text(), message.threadTs());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "event " + message.eventId() + " could not be answered", e);
        }
    }

    /** Stops taking work and waits up to {@code grace} for pending replies; true when all finished. */
    public boolean close(Duration grace) {
        executor.shutdown();
        try {
            boolean finished = executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                LOG.warning("stopping with Slack replies still pending after " + grace);
                executor.shutdownNow();
            }
            return finished;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
            return false;
        }
    }
}
