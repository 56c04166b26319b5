package dev.jeeves.server;

import dev.jeeves.api.embedded.EmbeddedServer;
import dev.jeeves.server.storage.StorageException;
import io.helidon.logging.common.LogConfig;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.service.registry.Services;
import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * How {@code jeeves serve} runs this server in its own process: registered as the {@link EmbeddedServer} service
 * ({@code META-INF/services}), found by the CLI only when the server's jars are on its class path.
 *
 * <pre>{@code
 * jeeves serve --port 0     # finds this class through java.util.ServiceLoader
 * }</pre>
 */
public final class ServerLauncher implements EmbeddedServer {
    @Override
    public void configureLogging() {
        // The server's log manager keeps logging until the server has stopped (a SIGTERM's stop lines included).
        ShutdownLogging.install();
        LogConfig.configureRuntime();
    }

    @Override
    public Running start(Map<String, String> environment) {
        JeevesServer server;
        try {
            server = JeevesServer.start(
                    JeevesConfig.load(environment), Clock.systemUTC(), Services.get(MeterRegistry.class));
        } catch (InvalidConfigException | StorageException e) {
            throw new InvalidSettings(e.getMessage(), e);
        }
        return new Running() {
            @Override
            public URI uri() {
                return server.uri();
            }

            @Override
            public void close() {
                server.close();
                ShutdownLogging.resetAfterShutdown();
            }
        };
    }
}
