package dev.jeeves.server;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.jeeves.server.alerts.DailyAlerts;
import dev.jeeves.server.auth.SigningKeys;
import dev.jeeves.server.storage.ProcessedEvents;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * The recurring work, each task run by one instance of the cluster at a time (db-scheduler's guarantee), and again
 * elsewhere when that instance dies: due daily alerts scheduled (each sent by its own task, see {@code DailyAlerts}), old Slack events forgotten, the token-signing key
 * rotated when it is old. A failed run is logged and the next one comes at its usual time.
 */
final class ScheduledWork {
    private static final Logger LOG = Logger.getLogger(ScheduledWork.class.getName());
    /** Slack retries for minutes; finished events are kept well past that. */
    static final Duration KEEP_EVENTS = Duration.ofHours(2);

    private ScheduledWork() {}

    static List<RecurringTask<?>> tasks(
            JeevesConfig config, DailyAlerts alerts, ProcessedEvents events, SigningKeys keys) {
        return List.of(
                Tasks.recurring("daily-alerts", Schedules.fixedDelay(config.alertCheckInterval()))
                        .execute((instance, context) -> {
                            int due = alerts.scheduleDue();
                            if (due > 0) {
                                LOG.info(due + " daily weather alert(s) due: sending");
                            }
                        }),
                Tasks.recurring("forget-old-events", Schedules.fixedDelay(Duration.ofMinutes(10)))
                        .execute((instance, context) -> events.purgeOlderThan(KEEP_EVENTS)),
                Tasks.recurring("rotate-signing-key", Schedules.fixedDelay(Duration.ofHours(1)))
                        .execute((instance, context) -> {
                            if (keys.rotateIfOlderThan(config.signingKeyRotation())) {
                                LOG.info("added a new token-signing key; the previous one still checks its tokens");
                            }
                        }));
    }
}
