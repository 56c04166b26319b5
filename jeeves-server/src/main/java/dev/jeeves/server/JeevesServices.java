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
import dev.jeeves.server.auth.AdminClient;
import dev.jeeves.server.auth.BearerAuth;
import dev.jeeves.server.auth.OAuthError;
import dev.jeeves.server.auth.SigningKeys;
import dev.jeeves.server.auth.TokenIssuer;
import dev.jeeves.server.auth.TokenService;
import dev.jeeves.server.http.ActionsService;
import dev.jeeves.server.http.MessagesService;
import dev.jeeves.server.http.StatusService;
import dev.jeeves.server.http.UsersService;
import dev.jeeves.server.slack.SlackClient;
import dev.jeeves.server.slack.SlackEventsService;
import dev.jeeves.server.slack.SlackReplyQueue;
import dev.jeeves.server.slack.SlackRequests;
import dev.jeeves.server.storage.AlertStore;
import dev.jeeves.server.storage.ApiClientStore;
import dev.jeeves.server.storage.Database;
import dev.jeeves.server.storage.ProcessedEvents;
import dev.jeeves.server.storage.SettingsStore;
import dev.jeeves.server.storage.SigningKeyStore;
import dev.jeeves.server.storage.StorageException;
import dev.jeeves.server.storage.UserStore;
import dev.jeeves.server.support.InMemoryJson;
import dev.jeeves.server.support.Problems;
import dev.jeeves.server.support.ReadDeadlines;
import dev.jeeves.server.support.RequestBodies;
import dev.jeeves.server.support.RequestMetrics;
import dev.jeeves.server.upstream.Upstream;
import dev.jeeves.server.weather.OpenMeteoClient;
import dev.jeeves.server.weather.WeatherUnavailableException;
import dev.jeeves.server.work.DurableWork;
import io.helidon.http.media.MediaContext;
import io.helidon.http.media.jackson.JacksonSupport;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.webserver.http.HttpRouting;
import java.time.Clock;
import java.util.List;

/**
 * Every collaborator of one Jeeves, built from its configuration over an open database, the HTTP routes over
 * them and the durable work they schedule: the one place that knows them all. {@link JeevesServer} serves these routes on a socket; the
 * in-memory routing tests hand the same routes to Helidon's {@code DirectClient}, so both exercise one wiring.
 *
 * <pre>{@code
 * try (Database database = Database.open(config.database())) {
 *     JeevesServices services = JeevesServices.create(config, Clock.systemUTC(), database, meters);
 *     services.work().start();
 *     WebServer.builder().mediaContext(JeevesServices.mediaContext()).routing(services::routing).build().start();
 * }
 * }</pre>
 */
public final class JeevesServices {
    private final DurableWork work;
    private final RequestMetrics requestMetrics;
    private final ReadDeadlines readDeadlines;
    private final BearerAuth bearerAuth;
    private final TokenService tokenService;
    private final SlackEventsService slackService;
    private final MessagesService messages;
    private final UsersService users;
    private final ActionsService actions;
    private final StatusService status;

    private JeevesServices(JeevesConfig config, Clock clock, Database database, MeterRegistry meters) {
        Upstream upstream = Upstream.buildingClient(config.connectTimeout(), meters);
        OpenMeteoClient weather =
                new OpenMeteoClient(upstream, config.geocodingUrl(), config.forecastUrl(), config.readTimeout());
        SlackClient slack = new SlackClient(
                upstream,
                config.slackApiUrl(),
                config.slackBotToken(),
                config.slackPostAttempts(),
                config.readTimeout(),
                meters);

        SigningKeys keys =
                SigningKeys.loadOrCreate(new SigningKeyStore(database.dataSource()), config.dataDir(), clock);
        TokenIssuer tokens = new TokenIssuer(keys, clock);
        UserStore userStore = new UserStore(database.dataSource(), clock);
        SettingsStore settings = new SettingsStore(database.dataSource());
        AlertStore alerts = new AlertStore(database.dataSource());
        ProcessedEvents processedEvents = new ProcessedEvents(database.dataSource(), clock);

        ActionRouter router = ActionRouter.withHelp(
                List.of(
                        new WeatherAction(weather, userStore),
                        new LocationAction(weather, userStore),
                        new ConfigAction(database, settings),
                        new AlertsAction(alerts, userStore)),
                userStore,
                meters);
        this.work =
                new DurableWork(database, config.workTakeover(), config.shutdownGracePeriod(), config.instanceName());
        SlackReplyQueue slackReplies = new SlackReplyQueue(
                database,
                processedEvents,
                router,
                slack,
                work,
                config.slackReplyAttempts(),
                config.slackReplyRetryDelay(),
                meters);
        DailyAlerts dailyAlerts = new DailyAlerts(
                database,
                alerts,
                weather,
                slack,
                work,
                config.slackReplyAttempts(),
                config.slackReplyRetryDelay(),
                clock);
        ScheduledWork.tasks(config, dailyAlerts, processedEvents, keys).forEach(work::register);

        this.requestMetrics = new RequestMetrics(meters);
        this.readDeadlines = new ReadDeadlines(config.requestTimeout());
        RequestBodies bodies = new RequestBodies(readDeadlines);
        this.bearerAuth = new BearerAuth(tokens);
        ClientCredentials admin =
                AdminClient.establish(new ApiClientStore(database.dataSource(), clock), config.dataDir());
        this.tokenService = new TokenService(admin, tokens, bodies);
        this.slackService = new SlackEventsService(
                new SlackRequests(config.slackSigningSecret().map(secret -> new SlackSignature(secret, clock)), bodies),
                slackReplies,
                meters);
        this.messages = new MessagesService(router, bodies);
        this.users = new UsersService(database, userStore, settings, alerts, weather, bodies);
        this.actions = new ActionsService(router);
        this.status = new StatusService(clock.instant(), clock, database, weather, processedEvents);
    }

    /**
     * Builds every collaborator. The admin credentials and the token-signing keys are read from the database, or
     * created there by the first instance to start; the admin credentials are also written to the data directory,
     * for the CLI on this machine.
     *
     * @param clock the time everything in Jeeves reads (tests pass a fixed one)
     * @param meters where metrics go (Helidon's registries share counts across the JVM: tests count from a baseline)
     */
    public static JeevesServices create(JeevesConfig config, Clock clock, Database database, MeterRegistry meters) {
        return new JeevesServices(config, clock, database, meters);
    }

    /** How request and response bodies are mapped: Jackson, with the project's one mapper; replies in one piece. */
    public static MediaContext mediaContext() {
        return MediaContext.builder()
                .mediaSupportsDiscoverServices(false)
                .addMediaSupport(new InMemoryJson(JacksonSupport.create(Json.MAPPER), Json.MAPPER))
                .build();
    }

    /** The HTTP routes: production and tests both come through here. */
    public void routing(HttpRouting.Builder routing) {
        Problems.register(routing);
        routing.error(StorageException.class, Problems.unavailable(e -> "the database is unavailable"))
                .error(OAuthError.class, OAuthError::answer)
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

    /** How long a request's headers and body may take to arrive: the web server times the headers with it. */
    public ReadDeadlines readDeadlines() {
        return readDeadlines;
    }

    /** The durable work engine, with every task registered: started and stopped by {@link JeevesServer}. */
    public DurableWork work() {
        return work;
    }
}
