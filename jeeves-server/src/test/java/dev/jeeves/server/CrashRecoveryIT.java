package dev.jeeves.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jeeves.stubs.SandboxStubs;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash loses no accepted Slack event: the packaged jar on embedded H2 acknowledges five events, is killed with
 * SIGKILL while every answer is still being worked out, and the same Jeeves restarted on the same data answers
 * each of them, once.
 */
@Tag("end-to-end")
class CrashRecoveryIT {
    static final int EVENTS = 5;

    @TempDir
    Path dataDir;

    SandboxStubs stubs;
    JeevesProcess jeeves;

    @AfterEach
    void stop() {
        if (jeeves != null) {
            jeeves.close();
            System.out.println("--- the log of the last Jeeves started\n" + jeeves.output());
        }
        if (stubs != null) {
            stubs.close();
        }
    }

    @Test
    void answersEveryAcceptedEventOnceAfterASigkillAndARestart() throws Exception {
        assumeTrue(JeevesFixture.liveUrl().isEmpty());
        stubs = SandboxStubs.start();
        // Every answer needs a place looked up, and the lookup takes 3 s: the kill comes while all are in flight.
        SlackEvents.slowPlaceLookups(stubs.openMeteo(), Duration.ofSeconds(3));
        Map<String, String> environment = JeevesProcess.environment(stubs, dataDir);
        environment.put("JEEVES_WORK_TAKEOVER", "PT6S");

        jeeves = JeevesProcess.start(environment);
        URI uri = jeeves.awaitReady();
        Map<String, Long> expected = new TreeMap<>();
        for (int i = 1; i <= EVENTS; i++) {
            String channel = "D0CRASH" + i;
            SlackEvents.post(
                            uri, SlackEvents.directMessage("EvCRASH" + i, "UCRASH", channel, "weather in Atlantis" + i))
                    .then()
                    .statusCode(200);
            expected.put(channel, 1L);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> SlackEvents.placeLookups(stubs.openMeteo()) == EVENTS);
        jeeves.kill();
        assertThat(SlackEvents.repliesPerChannel(stubs.slack()))
                .as("answered before the kill")
                .isEmpty();

        jeeves = JeevesProcess.start(environment);
        jeeves.awaitReady();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> SlackEvents.repliesPerChannel(stubs.slack()).size() == EVENTS);
        long answeredAfter = jeeves.millisSinceStart();
        // Work that ran twice would post twice: the journal must still show one reply per event once all are in.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> SlackEvents.repliesPerChannel(stubs.slack()).equals(expected));
        Evidence.write(
                "crash-recovery.txt",
                "SIGKILL on H2: %d events accepted, %d answered, %d doubled; all answered %.1f s after the restart"
                        + " (the JVM's start included)",
                EVENTS,
                SlackEvents.repliesPerChannel(stubs.slack()).size(),
                SlackEvents.repliesPerChannel(stubs.slack()).values().stream()
                        .filter(count -> count > 1)
                        .count(),
                answeredAfter / 1000.0);
    }
}
