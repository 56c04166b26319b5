package dev.jeeves.server.slack;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.jeeves.server.actions.ActionRouter;
import dev.jeeves.server.actions.Reply;
import dev.jeeves.server.replies.Delivery;
import dev.jeeves.server.replies.Replies;
import dev.jeeves.server.storage.Database;
import dev.jeeves.server.storage.ProcessedEvents;
import dev.jeeves.server.work.DurableWork;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Accepted Slack messages and their answers, durably: {@link #accept} records the message and schedules its
 * answer in one transaction before Slack gets its 200; the {@code slack-reply} task then routes it and posts the
 * reply on whichever instance picks it up, and records the outcome.
 *
 * <p>What is guaranteed: an accepted message is answered even if the instance that took it dies (another one, or
 * the same after a restart, runs the task again); it is never answered twice because of a retry, a takeover or a
 * restart, since an {@code ANSWERED} event is skipped. The one window no system can close: the post reached Slack
 * and the process died before recording it; the reply then goes out again. A refused reply ({@code
 * channel_not_found}, ...) is recorded as failed at once; an unavailable Slack is tried again with exponential
 * backoff, {@code attempts} times in all, then recorded as failed.
 */
public final class SlackReplyQueue {
    private static final Logger LOG = Logger.getLogger(SlackReplyQueue.class.getName());
    /** The task's name in {@code scheduled_tasks}. */
    public static final String TASK = "slack-reply";

    private final Database database;
    private final ProcessedEvents events;
    private final ActionRouter router;
    private final Replies replies;
    private final DurableWork work;
    private final MeterRegistry meters;
    private final OneTimeTask<Void> task;

    /**
     * Creates the queue and registers its task with {@code work}.
     *
     * @param attempts executions of one reply before it is recorded as failed, the first included
     * @param firstRetry the wait before the second execution; each next wait doubles
     */
    public SlackReplyQueue(
            Database database,
            ProcessedEvents events,
            ActionRouter router,
            Replies replies,
            DurableWork work,
            int attempts,
            Duration firstRetry,
            MeterRegistry meters) {
        this.database = database;
        this.events = events;
        this.router = router;
        this.replies = replies;
        this.work = work;
        this.meters = meters;
        this.task = work.registerRetried(TASK, attempts, firstRetry, this::answer, this::giveUp);
    }

    /**
     * Records the message and schedules its answer, in one transaction.
     *
     * @return false when this event id was accepted before (a Slack retry): nothing is recorded or scheduled
     */
    // tag::accept[]
    public boolean accept(SlackMessage message) {
        boolean accepted = database.inTransaction(() -> {
            if (!events.accept(
                    message.eventId(), message.userId(), message.channel(), message.text(), message.threadTs())) {
                return false;
            }
            work.schedule(task.instance(message.eventId()));
            return true;
        });
        if (accepted) {
            work.wakeUp();
        }
        return accepted;
    }
    // end::accept[]

    /** Answers one accepted event unless it was answered or given up before. Throws to be tried again later. */
    // tag::answer[]
    void answer(String eventId) {
        Optional<ProcessedEvents.Accepted> found = events.find(eventId);
        if (found.isEmpty() || found.get().state() != ProcessedEvents.State.ACCEPTED) {
            return; // answered (or failed) already: a takeover or a retry must not post it twice
        }
        ProcessedEvents.Accepted event = found.get();
        Reply reply = router.route(event.userId(), event.text());
        if (work.outOfTime()) {
            // A stop ran out of grace while the reply was worked out: what the router made of its cut-short
            // lookups (an apology) is not the answer. Posting nothing leaves the event queued for the next run.
            throw new ReplyNotDelivered("stopped before the reply to " + eventId + " was posted");
        }
        Delivery delivery = replies.post(event.channel(), reply.text(), event.threadTs());
        switch (delivery.outcome()) {
            case DELIVERED -> {
                events.answered(eventId);
                count("answered");
            }
            case REFUSED -> {
                events.failed(eventId, delivery.detail());
                count("failed");
            }
            case UNAVAILABLE -> {
                count("unavailable");
                throw new ReplyNotDelivered(delivery.detail());
            }
        }
    }
    // end::answer[]

    private void giveUp(ExecutionComplete complete) {
        String eventId = complete.getExecution().taskInstance.getId();
        String cause = complete.getCause().map(Throwable::getMessage).orElse("unknown");
        LOG.severe("event " + eventId + " not answered after every attempt: " + cause);
        events.failed(eventId, "not delivered after every attempt: " + cause);
        count("failed");
    }

    private void count(String outcome) {
        meters.getOrCreate(Counter.builder("jeeves.slack.replies")
                        .description(
                                "Answers to accepted Slack events: answered, failed for good, or unavailable (tried again later)")
                        .tags(List.of(Tag.create("outcome", outcome))))
                .increment();
    }

    /** Slack could not take the reply now; the task runs again after a backoff. */
    static final class ReplyNotDelivered extends RuntimeException {
        ReplyNotDelivered(String message) {
            super(message);
        }
    }
}
