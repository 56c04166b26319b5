package dev.jeeves.cli;

import dev.jeeves.server.auth.ClientCredentials;
import java.io.PrintWriter;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code jeeves serve}: runs the Jeeves server in this process with the server module's own wiring
 * ({@link InProcessJeeves}), until Ctrl-C or SIGTERM. {@code --sandbox} adds stub Slack and Open-Meteo on loopback.
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
    @ParentCommand
    JeevesCli cli;

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

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> environment = new HashMap<>(cli.environment);
        environment.put("JEEVES_DATA_DIR", cli.dataDir().toString());
        if (host != null) {
            environment.put("JEEVES_HOST", host);
        }
        if (port != null) {
            environment.put("JEEVES_PORT", port.toString());
        }
        InProcessJeeves jeeves;
        try {
            jeeves = InProcessJeeves.start(environment, sandbox);
        } catch (RuntimeException e) {
            throw new CliException(CliException.FAILURE, "cannot start Jeeves: " + e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    jeeves.close();
                    stopped.countDown();
                },
                "jeeves-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        PrintWriter out = Output.out(cli);
        out.println("Jeeves is running at " + jeeves.uri());
        out.println("Admin credentials: " + cli.dataDir().resolve(ClientCredentials.FILE_NAME)
                + " (\"jeeves\" commands find them there)");
        String reach = optionsToReach(jeeves.uri());
        Optional<String> stubs = jeeves.sandboxDescription();
        if (stubs.isPresent()) {
            out.println("Sandbox: " + stubs.get());
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
            jeeves.close();
        }
        return 0;
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
        if (!cli.dataDir().equals(GlobalOptions.defaultDataDir())) {
            options.append(" --data-dir ").append(shellWord(cli.dataDir().toString()));
        }
        return options.toString();
    }

    /** The value as one word for a POSIX shell: as it is when that is safe, else in single quotes. */
    static String shellWord(String value) {
        return value.matches("[A-Za-z0-9_@%+=:,./~-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
