package dev.jeeves.server.http;

import dev.jeeves.api.ServerStatus;
import dev.jeeves.server.storage.Database;
import dev.jeeves.server.storage.ProcessedEvents;
import dev.jeeves.server.support.Problems;
import dev.jeeves.server.weather.OpenMeteoClient;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * {@code GET /api/status}: version, uptime, database and upstream circuit states, what {@code jeeves status}
 * shows. (Health is for orchestrators; this is for people.)
 */
public final class StatusService implements HttpService {
    private final Instant startedAt;
    private final Clock clock;
    private final Database database;
    private final OpenMeteoClient weather;
    private final ProcessedEvents events;

    /** Creates the service. */
    public StatusService(
            Instant startedAt, Clock clock, Database database, OpenMeteoClient weather, ProcessedEvents events) {
        this.startedAt = startedAt;
        this.clock = clock;
        this.database = database;
        this.weather = weather;
        this.events = events;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::status).any("/", Problems.onlyMethods("GET"));
    }

    private void status(ServerRequest req, ServerResponse res) {
        boolean reachable = database.isReachable();
        Map<ProcessedEvents.State, Long> replies = reachable ? events.counts() : Map.of();
        res.send(new ServerStatus(
                reachable ? "UP" : "DEGRADED",
                version(),
                startedAt.toString(),
                Duration.between(startedAt, clock.instant()).toSeconds(),
                new ServerStatus.Database(reachable ? database.productName() : "unknown", reachable),
                Map.of("open-meteo", weather.circuitState().name()),
                reachable
                        ? new ServerStatus.SlackReplies(
                                replies.getOrDefault(ProcessedEvents.State.ACCEPTED, 0L),
                                replies.getOrDefault(ProcessedEvents.State.FAILED, 0L))
                        : null));
    }

    /** The version in the jar's manifest; {@code dev} when run from classes. */
    public static String version() {
        String version = StatusService.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
