package dev.jeeves.server.work;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.jeeves.server.storage.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Work that must survive a crash, run by db-scheduler over the database every Jeeves instance shares: a task
 * scheduled here is a row, committed with whatever else the caller writes in its transaction, and run by exactly
 * one live instance. An instance that dies mid-work stops sending heartbeats; after {@code takeover} at the latest
 * another instance (or the same one, restarted) runs the work again. Recurring tasks run once per cluster.
 *
 * <pre>{@code
 * DurableWork work = new DurableWork(database, Duration.ofSeconds(60), Duration.ofSeconds(10), "host-1");
 * work.register(replyTask);
 * work.start();
 * database.inTransaction(() -> { events.accept(...); work.schedule(replyTask.instance(eventId)); return null; });
 * work.wakeUp();
 * }</pre>
 */
public final class DurableWork {
    /** Heartbeats an execution may miss before it is declared dead and run again elsewhere. */
    static final int MISSED_HEARTBEATS = 4;

    private final Database database;
    private final Duration takeover;
    private final Duration grace;
    private final String instanceName;
    private final List<Task<?>> tasks = new ArrayList<>();
    private final List<RecurringTask<?>> recurring = new ArrayList<>();
    private Scheduler scheduler;
    private volatile long stopDeadline; // System.nanoTime() when a stop's grace period ends; 0 until stop()

    /**
     * Creates the engine, not started.
     *
     * @param takeover the longest time before the work of a dead instance runs elsewhere ({@code JEEVES_WORK_TAKEOVER})
     * @param grace how long a stop waits for running work before interrupting it
     * @param instanceName how this instance shows in {@code scheduled_tasks.picked_by}
     */
    public DurableWork(Database database, Duration takeover, Duration grace, String instanceName) {
        this.database = database;
        this.takeover = takeover;
        this.grace = grace;
        this.instanceName = instanceName;
    }

    /** Adds a one-time task this instance can run; before {@link #start()}. */
    public void register(Task<?> task) {
        checkNotStarted();
        tasks.add(task);
    }

    /**
     * Registers a one-time task whose execution throws to be tried again: after {@code firstRetry}, then twice as
     * long each time, {@code attempts} executions in all, then {@code giveUp}; an execution its instance died in runs
     * again elsewhere. What Slack replies and daily alerts both are.
     *
     * @param work what one execution does with the instance's id
     * @param giveUp what to record once every attempt has failed
     */
    public OneTimeTask<Void> registerRetried(
            String name, int attempts, Duration firstRetry, Consumer<String> work, Consumer<ExecutionComplete> giveUp) {
        OneTimeTask<Void> task = Tasks.oneTime(name)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<Void>(
                        attempts - 1,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(firstRetry),
                        (complete, operations) -> giveUp.accept(complete)))
                .onDeadExecutionRevive()
                .execute((instance, context) -> work.accept(instance.getId()));
        register(task);
        return task;
    }

    /** Adds a recurring task, scheduled once per cluster by whichever instance starts first; before {@link #start()}. */
    public void register(RecurringTask<?> task) {
        checkNotStarted();
        recurring.add(task);
    }

    private void checkNotStarted() {
        if (scheduler != null) {
            throw new IllegalStateException("register every task before start()");
        }
    }

    /**
     * The heartbeat that makes the takeover promise hold: an execution is dead after {@value #MISSED_HEARTBEATS}
     * missed heartbeats, dead executions are looked for every two heartbeats and run at once when found, so the
     * work of a dead instance runs again within {@code (MISSED_HEARTBEATS + 2) x heartbeat = takeover}.
     */
    // tag::heartbeat[]
    static Duration heartbeat(Duration takeover) {
        return takeover.dividedBy(MISSED_HEARTBEATS + 2);
    }
    // end::heartbeat[]

    /** Starts running work: what is due now (left by a crash, a stop, or another instance) starts at once. */
    public void start() {
        Duration heartbeat = heartbeat(takeover);
        scheduler = Scheduler.create(database.dataSource(), List.copyOf(tasks))
                .startTasks(List.copyOf(recurring))
                .schedulerName(new SchedulerName.Fixed(instanceName))
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                // Work scheduled by another instance, or a retry whose time has come, starts within this.
                .pollingInterval(heartbeat)
                // Platform threads, not virtual ones: work on virtual threads queued on the same two carriers as the
                // HTTP requests and held Slack's acknowledgements behind it (ack p99 1.35 s at 100 events/s; 0.24 s
                // with these eight threads, which the OS schedules fairly against the request handlers).
                .threads(8)
                .shutdownMaxWait(grace)
                .failureLogging(LogLevel.WARN, false)
                .build();
        scheduler.start();
    }

    /**
     * Schedules a one-time execution to run now, in the caller's transaction if it runs in one; a second one with
     * the same task and id is not added.
     *
     * @return false when that execution already exists
     */
    public boolean schedule(TaskInstance<?> instance) {
        return running().scheduleIfNotExists(instance, Instant.now());
    }

    /** Looks for due work now rather than at the next poll: call after committing what was scheduled. */
    public void wakeUp() {
        running().triggerCheckForDueExecutions();
    }

    /**
     * Stops: no new executions start; running ones get {@code grace} to finish, then are interrupted. Whatever did
     * not finish stays in the database and runs again (here after a restart, or on another instance).
     */
    public void stop() {
        stopDeadline = System.nanoTime() + Math.max(1, grace.toNanos());
        if (scheduler != null) {
            scheduler.stop();
        }
    }

    /**
     * True once a stop has waited its grace period for running work, which is then interrupted (or when the calling
     * thread has been interrupted already). What such work
     * worked out since may be cut short without saying so (an interrupted lookup looks like a failed one, and not
     * every library keeps the thread's interrupt flag), so it must not act on it: it fails, and runs again later.
     */
    public boolean outOfTime() {
        long deadline = stopDeadline;
        return Thread.currentThread().isInterrupted() || (deadline != 0 && System.nanoTime() - deadline >= 0);
    }

    private Scheduler running() {
        if (scheduler == null) {
            throw new IllegalStateException("start() first");
        }
        return scheduler;
    }
}
