package dev.jeeves.cli;

import dev.jeeves.api.credentials.ClientCredentials;
import dev.jeeves.api.embedded.EmbeddedServer;
import dev.jeeves.api.embedded.StubUpstreams;
import java.io.PrintWriter;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jeeves serve}: runs the Jeeves server in this process, until Ctrl-C or SIGTERM; {@code --sandbox} adds stub
 * Slack and Open-Meteo on loopback. The server and the stubs are found as {@link EmbeddedServer} and
 * {@link StubUpstreams} services: this module does not compile against them, and only {@code serve} has their
 * hundred-odd jars on its class path (the launcher adds them), so every other command starts without them.
 */
@Command(
        name = "serve",
        description = "Run a Jeeves server here until Ctrl-C or SIGTERM.",
        footer = {
            "%nWith --sandbox, Slack and Open-Meteo are stubs on loopback: everything works offline, for a dozen",
            "cities (Berlin, Paris, London, New York, Tokyo, Sydney, São Paulo, Cairo, Mumbai, Toronto, Cape Town,",
            "Reykjavik), and Slack events are signed with the sandbox's secret (\"jeeves slack send\" knows it).",
            "Other settings come from the JEEVES_* environment variables (see the README).",
            "%nExamples:",
            "  jeeves serve --sandbox",
            "  JEEVES_SLACK_SIGNING_SECRET=... JEEVES_SLACK_BOT_TOKEN=xoxb-... jeeves serve --host 0.0.0.0"
        })
final class ServeCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    private final CliContext context;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            description = "Interface to listen on (default: 127.0.0.1, or JEEVES_HOST).")
    String host;

    @Spec
    CommandSpec spec;

    Integer port;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "Port to listen on, 0 for any free one (default: 8080, or JEEVES_PORT).")
    void port(int value) {
        if (value < 0 || value > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be from 0 to 65535, not " + value);
        }
        port = value;
    }

    @Option(
            names = "--sandbox",
            description = "Also start stub Slack and Open-Meteo servers and use them: no network needed.")
    boolean sandbox;

    ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> environment = new HashMap<>(context.environment);
        environment.put("JEEVES_DATA_DIR", context.dataDir().toString());
        if (host != null) {
            environment.put("JEEVES_HOST", host);
        }
        if (port != null) {
            environment.put("JEEVES_PORT", port.toString());
        }
        EmbeddedServer server = context.service(EmbeddedServer.class)
                .orElseThrow(() -> new CliException(
                        CliException.FAILURE,
                        "the Jeeves server is not installed with this command: run \"serve\" through the jeeves"
                                + " launcher, which adds its libs/"));
        server.configureLogging(); // before the sandbox logs anything
        StubUpstreams.Running stubs = sandbox ? startStubs() : null;
        if (stubs != null) {
            environment.putAll(stubs.environment());
        }
        EmbeddedServer.Running jeeves;
        try {
            jeeves = server.start(environment);
        } catch (RuntimeException e) {
            if (stubs != null) {
                stubs.close();
            }
            // A setting that cannot work is exit code 2, as it is for java -jar jeeves-server.jar.
            int code = e instanceof EmbeddedServer.InvalidSettings ? CliException.USAGE : CliException.FAILURE;
            throw new CliException(code, "cannot start Jeeves: " + e.getMessage(), e);
        }
        if (stubs != null) {
            SandboxFile.write(context.dataDir(), jeeves.uri(), stubs.slackJournal());
        }
        Runnable stop = () -> {
            jeeves.close(); // drains pending work before the stubs it may still be talking to go away
            if (stubs != null) {
                SandboxFile.delete(context.dataDir());
                stubs.close();
            }
        };
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    stop.run();
                    stopped.countDown();
                },
                "jeeves-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        PrintWriter out = context.out();
        out.println("Jeeves is running at " + jeeves.uri());
        out.println("Admin credentials: " + context.dataDir().resolve(ClientCredentials.FILE_NAME)
                + " (\"jeeves\" commands find them there)");
        String reach = optionsToReach(jeeves.uri());
        if (stubs != null) {
            out.println("Sandbox: " + stubs.description());
            out.println("Try:     jeeves" + reach + " ask weather in Paris");
            out.println("         jeeves" + reach + " slack send help");
        } else {
            out.println("Try:     jeeves" + reach + " ask help");
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Stopped from inside the process (tests): the same orderly stop as SIGTERM.
            Runtime.getRuntime().removeShutdownHook(hook);
            stop.run();
        }
        return 0;
    }

    private StubUpstreams.Running startStubs() {
        return context.service(StubUpstreams.class)
                .orElseThrow(() -> new CliException(
                        CliException.FAILURE,
                        "the sandbox is not installed with this command: run \"serve\" through the jeeves launcher"))
                .start();
    }

    /**
     * The options another terminal needs to reach this server: none for the defaults, else {@code --server} and
     * {@code --data-dir}, so that the commands the banner suggests work when pasted as they are.
     */
    private String optionsToReach(URI uri) {
        StringBuilder options = new StringBuilder();
        if (!uri.equals(GlobalOptions.DEFAULT_SERVER)) {
            options.append(" --server ").append(shellWord(uri.toString()));
        }
        if (!context.dataDir().equals(GlobalOptions.defaultDataDir())) {
            options.append(" --data-dir ").append(shellWord(context.dataDir().toString()));
        }
        return options.toString();
    }

    /** The value as one word for a POSIX shell: as it is when that is safe, else in single quotes. */
    static String shellWord(String value) {
        return value.matches("[A-Za-z0-9_@%+=:,./~-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
