package dev.jeeves.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The training run behind {@code jeeves serve}'s AOT cache ({@code target/jeeves-serve.aot}, made at package time on
 * JDK 25+): a real {@code serve} in this JVM, on a fresh data directory, then the requests a first user makes (a
 * token, a question, the status, the user list), then an orderly stop. Every class this loads (Helidon, H2, Flyway,
 * the server's own) is stored loaded and linked, with the profiles of its methods, so the next {@code serve} starts
 * from there. The weather services point at a closed port: the training must not need the network.
 */
final class ServeAotTraining {
    private static final Pattern RUNNING = Pattern.compile("Jeeves is running at (http://\\S+)");
    private static final long DEADLINE_MILLIS = 120_000;

    private ServeAotTraining() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("jeeves-serve-training");
        Map<String, String> environment = Map.of(
                "JEEVES_DATA_DIR", dataDir.toString(),
                "JEEVES_WEATHER_GEOCODING_URL", "http://127.0.0.1:9/v1/search",
                "JEEVES_WEATHER_FORECAST_URL", "http://127.0.0.1:9/v1/forecast");
        StringWriter served = new StringWriter();
        Thread serving = Thread.ofPlatform()
                .name("training-serve")
                .start(() -> JeevesCli.run(
                        new PrintWriter(served, true),
                        new PrintWriter(new StringWriter()),
                        environment,
                        "serve",
                        "--port",
                        "0"));
        try {
            String url = awaitUrl(served, serving);
            Map<String, String> client = Map.of("JEEVES_SERVER", url, "JEEVES_DATA_DIR", dataDir.toString());
            String[][] commandLines = {
                {"token"},
                {"ask", "help"},
                {"ask", "weather", "in", "Paris"},
                {"status"},
                {"users", "list"},
                {"actions"}
            };
            for (int round = 0; round < 3; round++) {
                for (String[] commandLine : commandLines) {
                    JeevesCli.run(
                            new PrintWriter(new StringWriter()),
                            new PrintWriter(new StringWriter()),
                            client,
                            commandLine);
                }
            }
        } finally {
            serving.interrupt(); // serve stops as on SIGTERM
            serving.join(DEADLINE_MILLIS);
            deleteTree(dataDir);
        }
        System.exit(0); // the JVM writes the cache as it exits; the server's pools may still be winding down
    }

    private static String awaitUrl(StringWriter served, Thread serving) throws InterruptedException {
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        while (System.currentTimeMillis() < deadline && serving.isAlive()) {
            Matcher running = RUNNING.matcher(served.toString());
            if (running.find()) {
                return running.group(1);
            }
            Thread.sleep(50); // polling another thread's output, with a deadline
        }
        throw new IllegalStateException("the training server did not start: " + served);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
