package dev.jeeves.server;

import dev.jeeves.server.storage.Database;
import dev.jeeves.server.support.DirectProblems;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.openapi.OpenApiFeature;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * A running Jeeves: its {@link JeevesServices} served on a socket with health, metrics, OpenAPI and an access
 * log, plus its durable work (Slack replies, daily alerts, housekeeping) run by db-scheduler. Used by {@link Main}, by {@code jeeves serve} and by the tests alike,
 * so none of them can drift from production.
 *
 * <pre>{@code
 * try (JeevesServer jeeves = JeevesServer.start(JeevesConfig.load(System.getenv()), Clock.systemUTC(), meters)) {
 *     System.out.println("Jeeves at " + jeeves.uri());
 * }
 * }</pre>
 */
public final class JeevesServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JeevesServer.class.getName());

    private final WebServer webServer;
    private final Database database;
    private final JeevesServices services;
    private final URI uri;
    private boolean stopped;

    private JeevesServer(WebServer webServer, Database database, JeevesServices services, String host) {
        this.webServer = webServer;
        this.database = database;
        this.services = services;
        // A wildcard address is reachable on loopback; name that, not 0.0.0.0, for clients to use.
        boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        this.uri = URI.create("http://" + (wildcard ? "127.0.0.1" : host) + ":" + webServer.port());
    }

    /**
     * Opens the database, builds every collaborator, starts the durable work (what a crash or a stop left runs
     * now) and the web server.
     *
     * @param clock the time everything in Jeeves reads (tests pass a fixed one)
     * @param meters where metrics go, and what {@code /observe/metrics} shows ({@code Services.get(MeterRegistry.class)} in
     *     production; tests pass their own)
     */
    public static JeevesServer start(JeevesConfig config, Clock clock, MeterRegistry meters) {
        // Whoever embeds Jeeves (Main, "jeeves serve", tests) gets the log lines of its stop, even if nothing
        // logged before SIGTERM.
        ShutdownLogging.openHandlers();
        checkCanListen(config.host(), config.port());
        Database database = Database.open(config.database());
        try {
            JeevesServices services = JeevesServices.create(config, clock, database, meters);
            services.work().start();
            WebServer webServer = WebServer.builder()
                    .config(config.server())
                    .host(config.host())
                    .port(config.port())
                    .shutdownHook(false)
                    .shutdownGracePeriod(config.shutdownGracePeriod())
                    // A connection without traffic is closed after the idle timeout; a request's headers and body
                    // have their own deadline (Helidon's idle check does not end a request that stopped halfway).
                    .idleConnectionTimeout(config.idleTimeout())
                    .idleConnectionPeriod(config.idleTimeout().dividedBy(4))
                    .protocolsDiscoverServices(false) // HTTP/1.1 only, with the header deadline
                    .addProtocol(Http1Config.builder()
                            .addReceiveListener(services.readDeadlines().headerDeadline())
                            .build())
                    .featuresDiscoverServices(false)
                    .mediaContext(JeevesServices.mediaContext())
                    .directHandlers(DirectProblems.all())
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
                    .addFeature(AccessLog.feature())
                    .routing(services::routing)
                    .build()
                    .start();
            if (!webServer.isRunning()) {
                // Taken since checkCanListen: Helidon has logged the cause, and returns a stopped server.
                services.work().stop();
                throw cannotListen(config.host(), config.port(), "see the log above");
            }
            return new JeevesServer(webServer, database, services, config.host());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Fails with one line when the address cannot be listened on, before anything starts. Helidon would find out
     * too, but it answers with a stack trace in the log and a stopped server; the cause is what people need.
     */
    private static void checkCanListen(String host, int port) {
        // Port 0 too: that checks the host alone (a name that does not resolve, an address not of this machine).
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as Helidon binds: a port left in TIME_WAIT is free
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw cannotListen(host, port, e.getMessage());
        }
    }

    private static InvalidConfigException cannotListen(String host, int port, String cause) {
        return new InvalidConfigException(
                "cannot listen on " + host + ":" + port + " (" + cause + "): set JEEVES_HOST or JEEVES_PORT");
    }

    /** The port the server listens on (the real one when 0 was asked for). */
    public int port() {
        return webServer.port();
    }

    /** The base URL of the server, e.g. {@code http://127.0.0.1:8080}. */
    public URI uri() {
        return uri;
    }

    /**
     * Stops in order: no new requests (in-flight ones finish within the grace period), running work (Slack
     * replies, an alert check) finished within the grace period, or interrupted and left queued in the database for
     * the next start or another instance, then the database closed.
     */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        webServer.stop();
        services.work().stop();
        database.close();
        LOG.info("Jeeves stopped");
    }
}
