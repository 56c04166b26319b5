package dev.jeeves.server;

import static org.awaitility.Awaitility.await;

import dev.jeeves.stubs.SandboxStubs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ./mvnw package} ships, running: {@code java -jar target/jeeves-server.jar} in its own process,
 * configured by environment variables only, its output kept for assertions. Killing it with SIGKILL is a crash no
 * code in it sees coming.
 */
final class JeevesProcess implements AutoCloseable {
    static final Path JAR = Path.of("target", "jeeves-server.jar");
    private static final Pattern READY = Pattern.compile("Jeeves is up at (http://\\S+)");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final long startedNanos = System.nanoTime();

    private JeevesProcess(Map<String, String> environment) {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(javaBin, "-jar", JAR.toString()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::collectOutput);
    }

    /** What a packaged Jeeves needs to run against these stubs with the test secrets, on any free port. */
    static Map<String, String> environment(SandboxStubs stubs, Path dataDir) {
        Map<String, String> environment = new HashMap<>(stubs.environment());
        environment.put("JEEVES_PORT", "0");
        environment.put("JEEVES_DATA_DIR", dataDir.toString());
        environment.put("JEEVES_SLACK_SIGNING_SECRET", JeevesFixture.SIGNING_SECRET);
        environment.put("JEEVES_SLACK_BOT_TOKEN", JeevesFixture.BOT_TOKEN);
        return environment;
    }

    /** Starts the jar with these variables (nothing else of the test's environment is read by Jeeves). */
    static JeevesProcess start(Map<String, String> environment) {
        return new JeevesProcess(environment);
    }

    /** Waits until it says where it listens; its URL. */
    URI awaitReady() {
        return await().atMost(Duration.ofSeconds(60))
                .until(this::announcedUri, Optional::isPresent)
                .orElseThrow();
    }

    /** Milliseconds from start to now. */
    long millisSinceStart() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** SIGKILL: no shutdown hook, no drain, no last write. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    /** SIGTERM; true when it stopped within {@code timeout}. */
    boolean terminate(Duration timeout) throws InterruptedException {
        process.toHandle().destroy(); // Process.destroy() would also close our end of its output
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Everything it printed so far. */
    String output() {
        return String.join("\n", output);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private Optional<URI> announcedUri() {
        for (String line : output) {
            Matcher matcher = READY.matcher(line);
            if (matcher.find()) {
                return Optional.of(URI.create(matcher.group(1)));
            }
        }
        return Optional.empty();
    }

    private void collectOutput() {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.add(line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }
}
