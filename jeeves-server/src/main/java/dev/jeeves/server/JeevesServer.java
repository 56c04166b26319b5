package dev.jeeves.server;

import dev.jeeves.server.actions.ActionRouter;
import dev.jeeves.server.actions.AlertsAction;
import dev.jeeves.server.actions.ConfigAction;
import dev.jeeves.server.actions.LocationAction;
import dev.jeeves.server.actions.WeatherAction;
import dev.jeeves.server.alerts.DailyAlerts;
import dev.jeeves.server.auth.BearerAuth;
import dev.jeeves.server.auth.ClientCredentials;
import dev.jeeves.server.auth.TokenIssuer;
import dev.jeeves.server.auth.TokenService;
import dev.jeeves.server.http.ActionsService;
import dev.jeeves.server.http.MessagesService;
import dev.jeeves.server.http.ProblemException;
import dev.jeeves.server.http.Problems;
import dev.jeeves.server.http.RequestMetrics;
import dev.jeeves.server.http.StatusService;
import dev.jeeves.server.http.UsersService;
import dev.jeeves.server.slack.SlackClient;
import dev.jeeves.server.slack.SlackEventProcessor;
import dev.jeeves.server.slack.SlackEventsService;
import dev.jeeves.server.slack.SlackSignatureVerifier;
import dev.jeeves.server.storage.AlertStore;
import dev.jeeves.server.storage.Database;
import dev.jeeves.server.storage.ProcessedEvents;
import dev.jeeves.server.storage.SettingsStore;
import dev.jeeves.server.storage.UserStore;
import dev.jeeves.server.upstream.Upstream;
import dev.jeeves.server.weather.OpenMeteoClient;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.openapi.OpenApiFeature;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.accesslog.AccessLogFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A running Jeeves: the one place that builds every collaborator and wires them together, used by {@link Main},
 * by {@code jeeves serve} and by the tests alike, so none of them can drift from production.
 *
 * <pre>{@code
 * try (JeevesServer jeeves = JeevesServer.start(JeevesConfig.load(System.getenv()))) {
 *     System.out.println("Jeeves at " + jeeves.uri());
 * }
 * }</pre>
 */
public final class JeevesServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JeevesServer.class.getName());
    /** Slack retries for minutes; ids are kept well past that. */
    private static final Duration KEEP_EVENT_IDS = Duration.ofHours(2);

    private final WebServer webServer;
    private final Database database;
    private final SlackEventProcessor slackEvents;
    private final ScheduledExecutorService scheduler;
    private final OpenMeteoClient weather;
    private final Duration grace;
    private final Instant startedAt;
    private final URI uri;
    private boolean stopped;

    private JeevesServer(
            WebServer webServer,
            Database database,
            SlackEventProcessor slackEvents,
            ScheduledExecutorService scheduler,
            OpenMeteoClient weather,
            Duration grace,
            Instant startedAt,
            String host) {
        this.webServer = webServer;
        this.database = database;
        this.slackEvents = slackEvents;
        this.scheduler = scheduler;
        this.weather = weather;
        this.grace = grace;
        this.startedAt = startedAt;
        // A wildcard address is reachable on loopback; name that, not 0.0.0.0, for clients to use.
        boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        this.uri = URI.create("http://" + (wildcard ? "127.0.0.1" : host) + ":" + webServer.port());
    }

    /** Starts Jeeves with the system clock. */
    public static JeevesServer start(JeevesConfig config) {
        return start(config, Clock.systemUTC());
    }

    /**
     * Opens the database, builds every collaborator, starts the web server and the alert scheduler.
     *
     * @param clock the time everything in Jeeves reads (tests pass a fixed one)
     */
    public static JeevesServer start(JeevesConfig config, Clock clock) {
        Instant startedAt = clock.instant();
        Database database = Database.open(config.jdbcUrl(), config.dataDir());
        try {
            MeterRegistry meters = Metrics.globalRegistry();
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

            ClientCredentials admin = ClientCredentials.loadOrCreate(config.dataDir());
            TokenIssuer tokens = new TokenIssuer(TokenIssuer.loadOrCreateKey(config.dataDir()), clock);

            UserStore users = new UserStore(database.dataSource(), clock);
            SettingsStore settings = new SettingsStore(database.dataSource());
            AlertStore alerts = new AlertStore(database.dataSource());
            ProcessedEvents processedEvents = new ProcessedEvents(database.dataSource(), clock);

            ActionRouter router = ActionRouter.withHelp(
                    List.of(
                            new WeatherAction(weather, users),
                            new LocationAction(weather, users),
                            new ConfigAction(settings),
                            new AlertsAction(alerts, users)),
                    users,
                    meters);

            SlackEventProcessor slackEvents = new SlackEventProcessor(router, slack);
            SlackEventsService slackService = new SlackEventsService(
                    config.slackSigningSecret().map(secret -> new SlackSignatureVerifier(secret, clock)),
                    processedEvents,
                    slackEvents,
                    meters);

            WebServer webServer = WebServer.builder()
                    .config(config.server())
                    .host(config.host())
                    .port(config.port())
                    .shutdownHook(false)
                    .shutdownGracePeriod(config.shutdownGracePeriod())
                    .featuresDiscoverServices(false)
                    .addFeature(ObserveFeature.builder()
                            .observersDiscoverServices(false)
                            .addObserver(HealthObserver.builder()
                                    .details(true)
                                    .useSystemServices(false)
                                    .addCheck(
                                            () -> HealthCheckResponse.builder()
                                                    .status(database.isReachable())
                                                    .build(),
                                            HealthCheckType.READINESS,
                                            "database")
                                    .build())
                            .addObserver(MetricsObserver.builder()
                                    .meterRegistry(meters)
                                    .build())
                            .build())
                    .addFeature(OpenApiFeature.builder()
                            .servicesDiscoverServices(false)
                            .staticFile("META-INF/openapi.yaml")
                            .build())
                    .addFeature(AccessLogFeature.builder().commonLogFormat().build())
                    .routing(routing -> routing(
                            routing,
                            new RequestMetrics(meters),
                            new BearerAuth(tokens),
                            new TokenService(admin, tokens),
                            slackService,
                            new MessagesService(router),
                            new UsersService(users, settings, alerts, weather),
                            new ActionsService(router),
                            new StatusService(startedAt, clock, database, weather)))
                    .build()
                    .start();
            if (!webServer.isRunning()) {
                // Helidon logs the cause and returns a stopped server rather than throwing.
                throw new InvalidConfigException("cannot listen on " + config.host() + ":" + config.port()
                        + " (in use, or not an address of this machine): set JEEVES_HOST or JEEVES_PORT");
            }

            DailyAlerts dailyAlerts = new DailyAlerts(alerts, weather, slack, clock);
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("jeeves-scheduler").daemon(true).factory());
            long interval = config.alertCheckInterval().toMillis();
            scheduler.scheduleAtFixedRate(
                    () -> housekeeping(dailyAlerts, processedEvents), interval, interval, TimeUnit.MILLISECONDS);
            return new JeevesServer(
                    webServer,
                    database,
                    slackEvents,
                    scheduler,
                    weather,
                    config.shutdownGracePeriod(),
                    startedAt,
                    config.host());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The HTTP routes. Production and tests both come through here. */
    static void routing(
            HttpRouting.Builder routing,
            RequestMetrics requestMetrics,
            BearerAuth bearerAuth,
            TokenService tokens,
            SlackEventsService slack,
            MessagesService messages,
            UsersService users,
            ActionsService actions,
            StatusService status) {
        Problems.register(routing);
        routing.addFilter(requestMetrics)
                .addFilter(bearerAuth)
                .register(tokens)
                .register("/slack/events", slack)
                .register("/api/messages", messages)
                .register("/api/users", users)
                .register("/api/actions", actions)
                .register("/api/status", status)
                .any("/api/*", (req, res) -> {
                    throw ProblemException.notFound(
                            "no endpoint " + req.prologue().method().text() + " "
                                    + req.prologue().uriPath().rawPath());
                })
                .any("/slack/*", (req, res) -> {
                    throw ProblemException.notFound(
                            "no endpoint " + req.prologue().method().text() + " "
                                    + req.prologue().uriPath().rawPath());
                });
    }

    private static void housekeeping(DailyAlerts dailyAlerts, ProcessedEvents processedEvents) {
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

    /** The port the server listens on (the real one when 0 was asked for). */
    public int port() {
        return webServer.port();
    }

    /** The base URL of the server, e.g. {@code http://127.0.0.1:8080}. */
    public URI uri() {
        return uri;
    }

    /** When the server started. */
    public Instant startedAt() {
        return startedAt;
    }

    /** The Open-Meteo client, whose circuit state a status page reports. */
    public OpenMeteoClient weather() {
        return weather;
    }

    /**
     * Stops in order: no new requests (in-flight ones finish within the grace period), pending Slack replies
     * drained within the grace period, the scheduler stopped, then the database closed.
     */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        webServer.stop();
        boolean drained = slackEvents.close(grace);
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
        LOG.info("Jeeves stopped" + (drained ? ", every pending reply sent" : ", some replies were not sent in time"));
    }
}
