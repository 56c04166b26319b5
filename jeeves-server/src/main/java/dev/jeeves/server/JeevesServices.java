package dev.jeeves.server;

import dev.jeeves.api.Json;
import dev.jeeves.api.credentials.ClientCredentials;
import dev.jeeves.api.slack.SlackSignature;
import dev.jeeves.server.actions.ActionRouter;
import dev.jeeves.server.actions.AlertsAction;
import dev.jeeves.server.actions.ConfigAction;
import dev.jeeves.server.actions.LocationAction;
import dev.jeeves.server.actions.WeatherAction;
import dev.jeeves.server.alerts.DailyAlerts;
import dev.jeeves.server.auth.BearerAuth;
import dev.jeeves.server.auth.TokenIssuer;
import dev.jeeves.server.auth.TokenService;
import dev.jeeves.server.http.ActionsService;
import dev.jeeves.server.http.MessagesService;
import dev.jeeves.server.http.StatusService;
import dev.jeeves.server.http.UsersService;
import dev.jeeves.server.slack.SlackClient;
import dev.jeeves.server.slack.SlackEventProcessor;
import dev.jeeves.server.slack.SlackEventsService;
import dev.jeeves.server.slack.SlackRequests;
import dev.jeeves.server.storage.AlertStore;
import dev.jeeves.server.storage.Database;
import dev.jeeves.server.storage.ProcessedEvents;
import dev.jeeves.server.storage.SettingsStore;
import dev.jeeves.server.storage.StorageException;
import dev.jeeves.server.storage.UserStore;
import dev.jeeves.server.support.Problems;
import dev.jeeves.server.support.RequestMetrics;
import dev.jeeves.server.upstream.Upstream;
import dev.jeeves.server.weather.OpenMeteoClient;
import dev.jeeves.server.weather.WeatherUnavailableException;
import io.helidon.http.media.MediaContext;
import io.helidon.http.media.jackson.JacksonSupport;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.webserver.http.HttpRouting;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every collaborator of one Jeeves, built from its configuration over an open database, and the HTTP routes
 * over them: the one place that knows them all. {@link JeevesServer} serves these routes on a socket; the
 * in-memory routing tests hand the same routes to Helidon's {@code DirectClient}, so both exercise one wiring.
 *
 * <pre>{@code
 * try (Database database = Database.open(config.jdbcUrl(), config.dataDir())) {
 *     JeevesServices services = JeevesServices.create(config, Clock.systemUTC(), database, meters);
 *     WebServer.builder().mediaContext(JeevesServices.mediaContext()).routing(services::routing).build().start();
 * }
 * }</pre>
 */
public final class JeevesServices {
    private static final Logger LOG = Logger.getLogger(JeevesServices.class.getName());
    /** Slack retries for minutes; ids are kept well past that. */
    private static final Duration KEEP_EVENT_IDS = Duration.ofHours(2);

    private final SlackEventProcessor slackEvents;
    private final ProcessedEvents processedEvents;
    private final DailyAlerts dailyAlerts;
    private final RequestMetrics requestMetrics;
    private final BearerAuth bearerAuth;
    private final TokenService tokenService;
    private final SlackEventsService slackService;
    private final MessagesService messages;
    private final UsersService users;
    private final ActionsService actions;
    private final StatusService status;

    private JeevesServices(JeevesConfig config, Clock clock, Database database, MeterRegistry meters) {
        Upstream upstream = new Upstream(Upstream.httpClient(config.connectTimeout()), meters);
        OpenMeteoClient weather =
                new OpenMeteoClient(upstream, config.geocodingUrl(), config.forecastUrl(), config.readTimeout());
        SlackClient slack = new SlackClient(
                upstream,
                config.slackApiUrl(),
                config.slackBotToken(),
                config.slackPostAttempts(),
                config.readTimeout(),
                meters);

        TokenIssuer tokens = new TokenIssuer(TokenIssuer.loadOrCreateKey(config.dataDir()), clock);
        UserStore userStore = new UserStore(database.dataSource(), clock);
        SettingsStore settings = new SettingsStore(database.dataSource());
        AlertStore alerts = new AlertStore(database.dataSource());
        this.processedEvents = new ProcessedEvents(database.dataSource(), clock);

        ActionRouter router = ActionRouter.withHelp(
                List.of(
                        new WeatherAction(weather, userStore),
                        new LocationAction(weather, userStore),
                        new ConfigAction(settings),
                        new AlertsAction(alerts, userStore)),
                userStore,
                meters);
        this.slackEvents = new SlackEventProcessor(router, slack);
        this.dailyAlerts = new DailyAlerts(alerts, weather, slack, clock);

        this.requestMetrics = new RequestMetrics(meters);
        this.bearerAuth = new BearerAuth(tokens);
        this.tokenService = new TokenService(ClientCredentials.loadOrCreate(config.dataDir()), tokens);
        this.slackService = new SlackEventsService(
                new SlackRequests(config.slackSigningSecret().map(secret -> new SlackSignature(secret, clock))),
                processedEvents,
                slackEvents,
                meters);
        this.messages = new MessagesService(router);
        this.users = new UsersService(userStore, settings, alerts, weather);
        this.actions = new ActionsService(router);
        this.status = new StatusService(clock.instant(), clock, database, weather);
    }

    /**
     * Builds every collaborator. The admin credentials and the token signing key are read from the data
     * directory, or created there on first use.
     *
     * @param clock the time everything in Jeeves reads (tests pass a fixed one)
     * @param meters where metrics go (tests pass their own, so no count leaks between them)
     */
    public static JeevesServices create(JeevesConfig config, Clock clock, Database database, MeterRegistry meters) {
        return new JeevesServices(config, clock, database, meters);
    }

    /** How request and response bodies are mapped: Jackson, with the project's one mapper. */
    public static MediaContext mediaContext() {
        return MediaContext.builder()
                .mediaSupportsDiscoverServices(false)
                .addMediaSupport(JacksonSupport.create(Json.MAPPER))
                .build();
    }

    /** The HTTP routes: production and tests both come through here. */
    public void routing(HttpRouting.Builder routing) {
        Problems.register(routing);
        routing.error(StorageException.class, Problems.unavailable(e -> "the database is unavailable"))
                .error(
                        WeatherUnavailableException.class,
                        Problems.unavailable(e -> "a service Jeeves depends on is unavailable: " + e.getMessage()))
                .addFilter(requestMetrics)
                .addFilter(bearerAuth)
                .register(tokenService)
                .register("/slack/events", slackService)
                .register("/api/messages", messages)
                .register("/api/users", users)
                .register("/api/actions", actions)
                .register("/api/status", status);
    }

    /** The periodic work: due daily alerts sent, old Slack event ids forgotten. Never throws. */
    public void housekeeping() {
        try {
            int sent = dailyAlerts.sendDue();
            if (sent > 0) {
                LOG.info("sent " + sent + " daily weather alert(s)");
            }
            processedEvents.purgeOlderThan(KEEP_EVENT_IDS);
        } catch (RuntimeException e) {
            // A failed check must not cancel the schedule: the next one tries again.
            LOG.log(Level.WARNING, "scheduled housekeeping failed", e);
        }
    }

    /**
     * Waits up to {@code grace} for the Slack replies still being worked on, then stops taking new ones.
     *
     * @return true when every pending reply was sent in time
     */
    public boolean drainSlackReplies(Duration grace) {
        return slackEvents.close(grace);
    }
}
