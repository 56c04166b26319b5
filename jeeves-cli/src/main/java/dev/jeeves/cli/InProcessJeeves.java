package dev.jeeves.cli;

import dev.jeeves.server.JeevesConfig;
import dev.jeeves.server.JeevesServer;
import dev.jeeves.server.ShutdownLogging;
import dev.jeeves.stubs.SandboxStubs;
import io.helidon.logging.common.LogConfig;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The Jeeves server {@code jeeves serve} runs in this process, with the sandbox's stub upstreams when asked.
 *
 * <p>Kept apart from {@link ServeCommand} on purpose: picocli reflects over every command class when it builds
 * the command model, and a server type in a command's signature would load the server's classes for every
 * command. Only {@code serve} has them on its class path (see the launcher); the other commands start without
 * the server, the sandbox and their hundred-odd jars.
 */
final class InProcessJeeves implements AutoCloseable {
    private final JeevesServer server;
    private final SandboxStubs stubs;

    private InProcessJeeves(JeevesServer server, SandboxStubs stubs) {
        this.server = server;
        this.stubs = stubs;
    }

    /**
     * Configures logging (the server's log manager, which keeps logging until the server has stopped), starts the
     * stubs if asked, then the server with the server module's own wiring.
     *
     * @param environment the {@code JEEVES_*} settings, a map of the caller's to add the sandbox's upstreams to
     * @throws RuntimeException when the server cannot start (the stubs are stopped again)
     */
    static InProcessJeeves start(Map<String, String> environment, boolean sandbox) {
        ShutdownLogging.install(); // before anything logs; only serve logs, so the other commands skip it
        LogConfig.configureRuntime();
        SandboxStubs stubs = sandbox ? SandboxStubs.start() : null;
        if (stubs != null) {
            environment.putAll(stubs.environment());
        }
        try {
            return new InProcessJeeves(JeevesServer.start(JeevesConfig.load(environment)), stubs);
        } catch (RuntimeException e) {
            if (stubs != null) {
                stubs.close();
            }
            throw e;
        }
    }

    /** The server's base URL. */
    URI uri() {
        return server.uri();
    }

    /** Where the stub upstreams listen, for the banner; empty without the sandbox. */
    Optional<String> sandboxDescription() {
        return Optional.ofNullable(stubs)
                .map(s -> "stub Slack at " + s.slackApiUrl() + ", stub Open-Meteo at " + s.openMeteoUrl());
    }

    /** Stops the server (draining its work), then the stubs, then flushes and closes the log. */
    @Override
    public void close() {
        server.close();
        if (stubs != null) {
            stubs.close();
        }
        ShutdownLogging.resetAfterShutdown();
    }
}
