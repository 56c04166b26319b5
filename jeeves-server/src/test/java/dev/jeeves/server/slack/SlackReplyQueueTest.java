package dev.jeeves.server.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.jeeves.server.actions.ActionRouter;
import dev.jeeves.server.replies.Delivery;
import dev.jeeves.server.replies.Replies;
import dev.jeeves.server.storage.Database;
import dev.jeeves.server.storage.InMemoryDatabase;
import dev.jeeves.server.storage.ProcessedEvents;
import dev.jeeves.server.storage.ProcessedEvents.State;
import dev.jeeves.server.storage.UserStore;
import dev.jeeves.server.work.DurableWork;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable reply queue on a real engine and database (in-memory H2), with a Slack that answers as told. */
class SlackReplyQueueTest {
    @TempDir
    Path dataDir;

    Database database;
    ProcessedEvents events;
    DurableWork work;
    final AtomicInteger posts = new AtomicInteger();
    Delivery slackAnswers = Delivery.delivered();
    SlackReplyQueue queue;
    final MeterRegistry meters = MeterRegistry.create();
    final Map<String, Double> countedBefore = new HashMap<>();

    /** Answers counted with this outcome since the test began (Helidon's registries share counts in one JVM). */
    double replies(String outcome) {
        return countedReplies(outcome) - countedBefore.get(outcome);
    }

    double countedReplies(String outcome) {
        return meters.getOrCreate(Counter.builder("jeeves.slack.replies").tags(List.of(Tag.create("outcome", outcome))))
                .count();
    }

    @BeforeEach
    void setUp() {
        database = InMemoryDatabase.open(dataDir);
        events = new ProcessedEvents(database.dataSource(), Clock.systemUTC());
        UserStore users = new UserStore(database.dataSource(), Clock.systemUTC());
        ActionRouter router = ActionRouter.withHelp(List.of(), users, MeterRegistry.create());
        Replies slack = (channel, text, threadTs) -> {
            posts.incrementAndGet();
            return slackAnswers;
        };
        // A 3 s takeover polls every half second: retries come quickly.
        work = new DurableWork(database, Duration.ofSeconds(3), Duration.ofSeconds(2), "test");
        queue = new SlackReplyQueue(database, events, router, slack, work, 3, Duration.ofMillis(100), meters);
        for (String outcome : List.of("answered", "failed", "unavailable")) {
            countedBefore.put(outcome, countedReplies(outcome));
        }
    }

    @AfterEach
    void tearDown() {
        work.stop();
        database.close();
    }

    private static SlackMessage message(String eventId) {
        return new SlackMessage(eventId, "U1", "D1", "help", Optional.empty());
    }

    private State stateOf(String eventId) {
        return events.find(eventId).orElseThrow().state();
    }

    @Test
    void answersAnAcceptedMessageOnceEvenWhenItsWorkRunsAgain() {
        work.start();
        assertThat(queue.accept(message("Ev1"))).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> stateOf("Ev1") == State.ANSWERED);
        queue.answer("Ev1"); // a takeover, or a retry after the post but before the task completed
        assertThat(posts).hasValue(1);
        assertThat(replies("answered")).isEqualTo(1);
    }

    @Test
    void dropsARetryOfAnAcceptedEvent() {
        work.start();
        assertThat(queue.accept(message("Ev2"))).isTrue();
        assertThat(queue.accept(message("Ev2"))).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> stateOf("Ev2") == State.ANSWERED);
        assertThat(posts).hasValue(1);
    }

    @Test
    void recordsAMessageAndItsWorkTogetherOrNeither() {
        // Not started: scheduling the work fails, so the event must not be recorded either (Slack retries it).
        assertThatThrownBy(() -> queue.accept(message("Ev3"))).isInstanceOf(IllegalStateException.class);
        assertThat(events.find("Ev3")).isEmpty();
    }

    @Test
    void recordsARefusedReplyAsFailedWithoutTryingAgain() {
        slackAnswers = Delivery.refused("Slack refused it: channel_not_found");
        work.start();
        queue.accept(message("Ev4"));
        await().atMost(Duration.ofSeconds(10)).until(() -> stateOf("Ev4") == State.FAILED);
        assertThat(events.count(State.FAILED)).isEqualTo(1);
        assertThat(posts).hasValue(1);
        assertThat(replies("failed")).isEqualTo(1);
        assertThat(replies("answered")).isZero();
    }

    @Test
    void postsNothingAndKeepsTheEventQueuedWhenStoppedWhileWorkingOutTheReply() {
        events.accept("Ev6", "U1", "D1", "help", Optional.empty());
        Thread.currentThread().interrupt(); // what a stop does to running work once its grace period is over
        try {
            assertThatThrownBy(() -> queue.answer("Ev6")).isInstanceOf(SlackReplyQueue.ReplyNotDelivered.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(posts).hasValue(0);
        assertThat(stateOf("Ev6")).isEqualTo(State.ACCEPTED);
    }

    @Test
    void postsNothingOnceAStopHasRunOutOfGraceEvenIfTheInterruptWasSwallowed() {
        // A lookup's retry that is interrupted in its back-off ends as "Retries interrupted", flag cleared.
        DurableWork noGrace = new DurableWork(database, Duration.ofSeconds(3), Duration.ZERO, "test-stopping");
        SlackReplyQueue stopping = new SlackReplyQueue(
                database,
                events,
                ActionRouter.withHelp(
                        List.of(), new UserStore(database.dataSource(), Clock.systemUTC()), MeterRegistry.create()),
                (channel, text, threadTs) -> {
                    posts.incrementAndGet();
                    return Delivery.delivered();
                },
                noGrace,
                3,
                Duration.ofMillis(100),
                MeterRegistry.create());
        events.accept("Ev7", "U1", "D1", "help", Optional.empty());
        noGrace.stop();
        assertThatThrownBy(() -> stopping.answer("Ev7")).isInstanceOf(SlackReplyQueue.ReplyNotDelivered.class);
        assertThat(posts).hasValue(0);
        assertThat(stateOf("Ev7")).isEqualTo(State.ACCEPTED);
    }

    @Test
    void triesAnUnavailableSlackAgainABoundedNumberOfTimesThenRecordsTheFailure() {
        slackAnswers = Delivery.unavailable("Slack answered HTTP 503");
        work.start();
        queue.accept(message("Ev5"));
        await().atMost(Duration.ofSeconds(20)).until(() -> stateOf("Ev5") == State.FAILED);
        assertThat(posts).hasValue(3);
        assertThat(replies("unavailable"))
                .as("each attempt Slack could not take")
                .isEqualTo(3);
        assertThat(replies("failed")).as("given up once, after the last").isEqualTo(1);
    }
}
