package dev.jeeves.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The training run behind the JDK's AOT cache ({@code target/jeeves.aot}, made at package time on JDK 25+): runs
 * the commands in one JVM so their classes are loaded, linked and profiled ahead of time. They talk to a scripted
 * server on loopback (the JDK's own), so the whole path is trained: token, request, answer read into the API's
 * records, output; then once more against a closed port, for the error path.
 */
final class AotTraining {
    private static final Map<String, String> ANSWERS = Map.of(
            "/oauth/token",
            "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"messages\"}",
            "/api/messages",
            "{\"action\":\"help\",\"reply\":\"Here is what I can do\"}",
            "/api/users",
            "{\"total\":1,\"limit\":50,\"offset\":0,\"users\":[{\"id\":\"U1\",\"name\":null,\"email\":null,"
                    + "\"location\":null,\"createdAt\":\"2026-01-01T00:00:00Z\"}]}",
            "/api/users/U1",
            "{\"id\":\"U1\",\"name\":\"Ada\",\"email\":null,\"location\":{\"name\":\"Berlin\",\"country\":\"Germany\","
                    + "\"latitude\":52.5,\"longitude\":13.4,\"timeZone\":\"Europe/Berlin\"},"
                    + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"settings\":{\"units\":\"metric\"},\"alert\":null}",
            "/api/actions",
            "[{\"name\":\"help\",\"usage\":\"help [action]\",\"description\":\"Lists what I can do.\"}]",
            "/api/status",
            "{\"status\":\"UP\",\"version\":\"dev\",\"startedAt\":\"2026-01-01T00:00:00Z\",\"uptimeSeconds\":1,"
                    + "\"database\":{\"product\":\"H2\",\"reachable\":true},\"circuits\":{\"open-meteo\":\"CLOSED\"}}");

    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", AotTraining::answer);
        server.start();
        Path dataDir = Files.createTempDirectory("jeeves-training");
        try {
            train("http://127.0.0.1:" + server.getAddress().getPort(), dataDir);
            train("http://127.0.0.1:9", dataDir); // nothing listens: the error path
        } finally {
            server.stop(0);
            Files.deleteIfExists(dataDir.resolve("cli-token.json"));
            Files.deleteIfExists(dataDir);
        }
    }

    private static void train(String url, Path dataDir) {
        Map<String, String> environment = Map.of(
                "JEEVES_SERVER",
                url,
                "JEEVES_CLIENT_ID",
                "training",
                "JEEVES_CLIENT_SECRET",
                "training",
                "JEEVES_DATA_DIR",
                dataDir.toString());
        String[][] commandLines = {
            {"--version"},
            {"--help"},
            {"help", "ask"},
            {"ask", "weather", "in", "Paris"},
            {"ask", "help"},
            {"-o", "json", "users", "list"},
            {"users", "show", "U1"},
            {"actions"},
            {"status"},
            {"token"},
            {"slack", "send", "help"},
            {"ask", "--bogus"}
        };
        for (String[] commandLine : commandLines) {
            JeevesCli.run(
                    new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), environment, commandLine);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String answer = ANSWERS.get(exchange.getRequestURI().getPath());
        byte[] body = (answer == null ? "" : answer).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
