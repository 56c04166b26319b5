package dev.jeeves.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * <a href="https://github.com/wg/wrk">wrk</a>, the HTTP benchmarking tool (Debian's {@code wrk} package), as a
 * separate process: a client light enough to keep a server on the same two cores busy, which the JDK's HTTP client
 * and Gatling are not. {@code -Dload.wrk} names the executable; otherwise it is looked up on the {@code PATH}.
 *
 * <pre>{@code
 * Wrk wrk = Wrk.find().orElseThrow();
 * Wrk.Run run = wrk.post("http://127.0.0.1:8080/api/messages", List.of("Content-Type: application/json"), "{}", 16,
 *         Duration.ofSeconds(2));
 * run.requests(); // 40212, run.failed() the ones not answered 2xx
 * }</pre>
 */
final class Wrk {
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private final Path executable;

    private Wrk(Path executable) {
        this.executable = executable;
    }

    /** What one run of wrk did: the requests it completed, and how many of them were not answered 2xx. */
    record Run(long requests, long failed) {}

    /** wrk from {@code -Dload.wrk} or the {@code PATH}; empty when there is none. */
    static Optional<Wrk> find() {
        String configured = System.getProperty("load.wrk", "").strip();
        Stream<Path> candidates = configured.isEmpty()
                ? Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                        .filter(dir -> !dir.isBlank())
                        .map(dir -> Path.of(dir, "wrk"))
                : Stream.of(Path.of(configured));
        return candidates.filter(Files::isExecutable).findFirst().map(Wrk::new);
    }

    /** POSTs {@code body} with {@code headers} to {@code url} from {@code connections} connections for a while. */
    Run post(String url, List<String> headers, String body, int connections, Duration duration) {
        StringBuilder script = new StringBuilder("wrk.method = \"POST\"\n");
        for (String header : headers) {
            int colon = header.indexOf(':');
            script.append("wrk.headers[%s] = %s%n"
                    .formatted(
                            lua(header.substring(0, colon)),
                            lua(header.substring(colon + 1).strip())));
        }
        script.append("wrk.body = ").append(lua(body)).append('\n');
        Path file = null;
        try {
            file = Files.createTempFile("jeeves-wrk-", ".lua");
            Files.writeString(file, script);
            Process wrk = new ProcessBuilder(
                            executable.toString(),
                            "-t1",
                            "-c" + connections,
                            "-d" + duration.toSeconds() + "s",
                            "-s",
                            file.toString(),
                            url)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (wrk.waitFor() != 0) {
                throw new IllegalStateException("wrk failed on " + url + ":\n" + output);
            }
            Matcher requests = REQUESTS.matcher(output);
            if (!requests.find()) {
                throw new IllegalStateException("no request count in wrk's output:\n" + output);
            }
            Matcher failed = NON_2XX.matcher(output);
            return new Run(Long.parseLong(requests.group(1)), failed.find() ? Long.parseLong(failed.group(1)) : 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + executable, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while wrk ran", e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover script in the temporary directory is harmless
            }
        }
    }

    private static String lua(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
