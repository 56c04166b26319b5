package dev.jeeves.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jeeves.api.Json;
import dev.jeeves.api.Secret;
import dev.jeeves.api.client.TokenSource;
import dev.jeeves.api.credentials.ClientCredentials;
import dev.jeeves.api.embedded.EmbeddedServer;
import dev.jeeves.stubs.SandboxStubs;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command through the {@code run} seam, against a real server (with the sandbox stubs) over HTTP. */
@Tag("end-to-end")
class JeevesCliIT {
    @TempDir
    static Path dataDir;

    static SandboxStubs stubs;
    static EmbeddedServer.Running server;
    static Map<String, String> env;

    @BeforeAll
    static void start() {
        stubs = SandboxStubs.start();
        Map<String, String> serverEnv = new HashMap<>(stubs.environment());
        serverEnv.put("JEEVES_PORT", "0");
        serverEnv.put("JEEVES_DATA_DIR", dataDir.toString());
        // The server as "serve" finds it: the service the server module registers.
        EmbeddedServer embedded =
                java.util.ServiceLoader.load(EmbeddedServer.class).findFirst().orElseThrow();
        embedded.configureLogging();
        server = embedded.start(serverEnv);
        env = Map.of("JEEVES_SERVER", server.uri().toString(), "JEEVES_DATA_DIR", dataDir.toString());
    }

    @AfterAll
    static void stop() {
        server.close();
        stubs.close();
    }

    static CliRun jeeves(String... args) {
        return CliRun.run(env, args);
    }

    static Map<String, String> envWith(String key, String value) {
        Map<String, String> changed = new HashMap<>(env);
        changed.put(key, value);
        return changed;
    }

    @Test
    void askPrintsTheReply() {
        CliRun run = jeeves("ask", "weather", "in", "Paris");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("Paris, France: 12°C (feels like 10°C), light rain, wind 14 km/h\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void askPrintsParseableJsonOnRequest() throws Exception {
        CliRun run = jeeves("ask", "-o", "json", "--as", "U42", "help");
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertThat(json.path("action").asText()).isEqualTo("help");
    }

    @Test
    void takesGlobalOptionsBeforeOrAfterTheCommand() {
        String url = server.uri().toString();
        assertThat(CliRun.run(Map.of("JEEVES_DATA_DIR", dataDir.toString()), "--server", url, "ask", "help")
                        .exitCode())
                .isZero();
        assertThat(CliRun.run(Map.of("JEEVES_DATA_DIR", dataDir.toString()), "ask", "--server", url, "help")
                        .exitCode())
                .isZero();
    }

    @Test
    void keepsThePathOfAServerBehindAProxy() {
        // This server is at the root, so a base path shows in its answer to the first request (for a token).
        CliRun run = CliRun.run(envWith("JEEVES_SERVER", server.uri() + "/behind-a-proxy/"), "ask", "help");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("jeeves: no endpoint POST /behind-a-proxy/oauth/token");
    }

    @Test
    void actionsListsEveryActionWithItsUsage() {
        CliRun run = jeeves("actions");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("help [action]\n    Lists what I can do")
                .contains("weather [in|for] <place>\n    The current weather")
                .contains("alerts [on [at HH:MM] | off]");
        assertThat(run.out().lines()).as("fits an 80-column terminal").allMatch(line -> line.length() <= 80);
    }

    @Test
    void statusShowsVersionUptimeDatabaseAndCircuits() {
        CliRun run = jeeves("status");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains(": UP")
                .contains("Database: H2 (reachable)")
                .contains("open-meteo CLOSED");
    }

    @Test
    void usersCanBeSetShownListedAndDeleted() {
        CliRun set = jeeves("users", "set", "UCLI1", "--name", "Ada", "--location", "Tokyo");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("Name:     Ada").contains("Location: Tokyo, Japan");
        assertThat(jeeves("users", "show", "UCLI1").out()).contains("Alert:    off");
        assertThat(jeeves("users", "list", "--limit", "500").out())
                .contains("UCLI1")
                .contains("Ada");
        assertThat(jeeves("users", "delete", "UCLI1").out()).isEqualTo("Deleted user UCLI1.\n");
        CliRun gone = jeeves("users", "show", "UCLI1");
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.err()).isEqualTo("jeeves: no user with id \"UCLI1\"\n");
    }

    @Test
    void usersSetNeedsSomethingToChange() {
        CliRun run = jeeves("users", "set", "UCLI2");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("give at least one of --name, --email, --location");
    }

    @Test
    void usersSetReportsTheServersReasonForBadInput() {
        CliRun run = jeeves("users", "set", "UCLI3", "--email", "not-an-email");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("jeeves: field \"email\" is not an email address: \"not-an-email\"\n");
    }

    @Test
    void tokenPrintsAWorkingAccessToken() throws Exception {
        CliRun run = jeeves("token");
        String token = run.out().strip();
        assertThat(token.split("\\.")).hasSize(3);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.uri().resolve("/api/actions"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void cachesTheTokenInAnOwnerOnlyFile() throws Exception {
        jeeves("ask", "help");
        Path cache = dataDir.resolve(TokenSource.CACHE_FILE);
        String first = Files.readString(cache);
        jeeves("ask", "help");
        assertThat(Files.readString(cache)).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)))
                .isEqualTo("rw-------");
    }

    @Test
    void slackSendPostsASignedEventThatGetsAnswered() {
        CliRun run = jeeves("slack", "send", "--as", "USLACKCLI", "weather", "in", "Reykjavik");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("HTTP 200");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> stubs.slack()
                        .verify(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                                .withRequestBody(matchingJsonPath(
                                        "$.channel",
                                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("DUSLACKCLI")))
                                .withRequestBody(matchingJsonPath(
                                        "$.text",
                                        com.github.tomakehurst.wiremock.client.WireMock.containing(
                                                "Reykjavik, Iceland")))));
    }

    @Test
    void slackSendWithTheWrongSecretIsRefused() {
        CliRun run = jeeves("slack", "send", "--signing-secret", "wrong", "help");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("not a genuine Slack request");
    }

    @Test
    void saysHowToStartJeevesWhenTheServerIsDown() {
        CliRun run = CliRun.run(envWith("JEEVES_SERVER", "http://127.0.0.1:1"), "ask", "help");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("jeeves: cannot reach Jeeves at http://127.0.0.1:1 (connection refused) — start it with"
                        + " \"jeeves serve\"\n");
    }

    @Test
    void aNewcomerWithNeitherServerNorCredentialsIsToldToStartJeevesFirst() {
        Map<String, String> newcomer = Map.of(
                "JEEVES_SERVER",
                "http://127.0.0.1:1",
                "JEEVES_DATA_DIR",
                dataDir.resolve("fresh").toString());
        CliRun run = CliRun.run(newcomer, "ask", "help");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("jeeves: cannot reach Jeeves at http://127.0.0.1:1");
    }

    @Test
    void wrongCredentialsExitWithThree() {
        Map<String, String> wrong = new HashMap<>(env);
        wrong.put("JEEVES_CLIENT_ID", "jeeves-admin");
        wrong.put("JEEVES_CLIENT_SECRET", "guess");
        wrong.put("JEEVES_DATA_DIR", dataDir.resolve("elsewhere").toString());
        CliRun run = CliRun.run(wrong, "users", "list");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("jeeves: not authorized: invalid_client");
    }

    @Test
    void aTokenWithoutTheScopeExitsWithThreeAndIsNotSwappedForAFreshOne(@TempDir Path clientDir) throws Exception {
        // A read-only token in the cache, as a client limited to users:read would hold.
        var credentials = ClientCredentials.loadOrCreate(dataDir);
        String form = "grant_type=client_credentials&scope=users:read&client_id=" + credentials.clientId()
                + "&client_secret=" + credentials.clientSecret().reveal();
        HttpResponse<String> issued = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.uri().resolve("/oauth/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String readOnly =
                Json.MAPPER.readTree(issued.body()).path("access_token").asText();
        new TokenSource(clientDir, Map.of(), java.time.Clock.systemUTC())
                .remember(
                        server.uri(),
                        new ClientCredentials("reader", Secret.of("unused")),
                        readOnly,
                        java.time.Instant.now().plusSeconds(3000));
        Map<String, String> reader = Map.of(
                "JEEVES_SERVER",
                server.uri().toString(),
                "JEEVES_DATA_DIR",
                clientDir.toString(),
                "JEEVES_CLIENT_ID",
                "reader",
                "JEEVES_CLIENT_SECRET",
                "unused");
        assertThat(CliRun.run(reader, "users", "list").exitCode()).isZero();
        CliRun write = CliRun.run(reader, "users", "delete", "UNOBODY");
        assertThat(write.exitCode()).isEqualTo(3);
        assertThat(write.err()).startsWith("jeeves: not allowed: the token lacks the \"users:write\" scope");
    }

    @Test
    void missingCredentialsSayWhereTheyAreLookedFor() {
        CliRun run =
                CliRun.run(envWith("JEEVES_DATA_DIR", dataDir.resolve("nowhere").toString()), "ask", "help");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("set JEEVES_CLIENT_ID and JEEVES_CLIENT_SECRET");
    }

    @Test
    void usageErrorsExitWithTwoInOneLine() {
        CliRun run = jeeves("ask", "--bogus", "hi");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("jeeves: Unknown option: '--bogus' (see \"jeeves ask --help\")\n");
        assertThat(jeeves("ask").exitCode()).isEqualTo(2);
        assertThat(jeeves("frobnicate").exitCode()).isEqualTo(2);
    }

    @Test
    void theLauncherRunsTheCliQuietly() throws Exception {
        Path launcher = Path.of("target", "jeeves");
        assertThat(launcher).isExecutable();
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "ask", "weather", "in", "Sydney");
        builder.environment().putAll(env);
        builder.environment()
                .put("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
        Process process = builder.start();
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(err).as("nothing on stderr, not even JVM warnings").isEmpty();
        assertThat(process.exitValue()).isZero();
        assertThat(out).startsWith("Sydney, Australia: 24°C");
    }

    @Test
    void verboseSaysWhatIsSentWhereOnStderr() {
        CliRun run = CliRun.run(env, "--verbose", "ask", "help");
        assertThat(run.exitCode()).isZero();
        String url = server.uri().toString();
        assertThat(run.err().lines())
                .anySatisfy(
                        line -> assertThat(line).matches("jeeves: POST " + url + "/api/messages -> 200 \\(\\d+ ms\\)"))
                .allSatisfy(line -> assertThat(line).startsWith("jeeves: ").doesNotContain("Bearer", "secret"));
    }

    @Test
    void serveRefusesASettingThatCannotWorkWithExitCodeTwo(@TempDir Path serveDir) {
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = JeevesCli.run(
                new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err, true),
                Map.of("JEEVES_UPSTREAM_READ_TIMEOUT", "soon"),
                "serve",
                "--port",
                "0",
                "--data-dir",
                serveDir.toString());
        assertThat(exit).as("as java -jar jeeves-server.jar exits").isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("jeeves: cannot start Jeeves: invalid configuration: JEEVES_UPSTREAM_READ_TIMEOUT must be"
                        + " a positive ISO-8601 duration such as PT5S, got \"soon\"\n");
    }

    @Test
    void theLauncherServesUntilSigtermThenStopsInOrder(@TempDir Path serveDir) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of("target", "jeeves").toString(),
                        "serve",
                        "--sandbox",
                        "--port",
                        "0",
                        "--data-dir",
                        serveDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(serveDir.resolve("serve.log").toFile());
        builder.environment()
                .put("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
        Process process = builder.start();
        try {
            String url = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> java.nio.file.Files.readAllLines(serveDir.resolve("serve.log")).stream()
                                    .filter(line -> line.startsWith("Jeeves is running at "))
                                    .map(line -> line.substring("Jeeves is running at ".length()))
                                    .findFirst()
                                    .orElse(null),
                            java.util.Objects::nonNull);
            CliRun ask =
                    CliRun.run(Map.of("JEEVES_SERVER", url, "JEEVES_DATA_DIR", serveDir.toString()), "ask", "help");
            assertThat(ask.exitCode()).isZero();
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(process.exitValue())
                .as("a clean stop on SIGTERM: 0, or 143 (128 + SIGTERM)")
                .isIn(0, 143);
        assertThat(java.nio.file.Files.readString(serveDir.resolve("serve.log")))
                .as("the access log, and the last line of an orderly stop")
                .contains("\"POST /api/messages HTTP/1.1\" 200")
                .contains("Jeeves stopped")
                .as("no JVM log lines (the AOT cache's among them)")
                .doesNotContainPattern("(?m)^\\[[0-9.]+s\\]\\[");
    }

    @Test
    void serveRunsAServerWithTheSandboxUntilStopped(@TempDir Path serveDir) throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        int[] exit = {-1};
        Thread serving = Thread.ofPlatform()
                .start(() -> exit[0] = JeevesCli.run(
                        new java.io.PrintWriter(out, true),
                        new java.io.PrintWriter(new java.io.StringWriter()),
                        Map.of(),
                        "serve",
                        "--sandbox",
                        "--port",
                        "0",
                        "--data-dir",
                        serveDir.toString()));
        String url = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> out.toString()
                                .lines()
                                .filter(line -> line.startsWith("Jeeves is running at "))
                                .map(line -> line.substring("Jeeves is running at ".length()))
                                .findFirst()
                                .orElse(null),
                        java.util.Objects::nonNull);
        assertThat(out.toString())
                .contains(serveDir.resolve("credentials.json").toString())
                .contains("Sandbox:");
        String suggested = out.toString()
                .lines()
                .filter(line -> line.startsWith("Try:"))
                .findFirst()
                .orElseThrow()
                .substring("Try:".length())
                .strip();
        assertThat(suggested)
                .as("the banner's command works as printed, from a shell that knows nothing of this server")
                .isEqualTo("jeeves --server " + url + " --data-dir " + serveDir + " ask weather in Paris");
        CliRun ask =
                CliRun.run(Map.of(), suggested.substring("jeeves ".length()).split(" "));
        assertThat(ask.out()).startsWith("Paris, France: 12°C");
        CliRun slack =
                CliRun.run(Map.of(), "--server", url, "--data-dir", serveDir.toString(), "slack", "send", "help");
        assertThat(slack.out())
                .as("in the sandbox, the reply the stub Slack received")
                .contains(". Jeeves replied:\nHere is what I can do:");
        CliRun mention = CliRun.run(
                Map.of(),
                "--server",
                url,
                "--data-dir",
                serveDir.toString(),
                "slack",
                "send",
                "--channel",
                "C0LAB",
                "weather in Tokyo");
        assertThat(mention.out())
                .endsWith("Jeeves replied:\nTokyo, Japan: 16°C (feels like 15°C), partly cloudy, wind 7 km/h\n");
        serving.interrupt();
        serving.join(Duration.ofSeconds(30));
        assertThat(serving.isAlive()).isFalse();
        assertThat(serveDir.resolve(SandboxFile.NAME))
                .as("forgotten when the sandbox stops")
                .doesNotExist();
        assertThat(exit[0]).isZero();
        assertThat(CliRun.run(Map.of("JEEVES_SERVER", url, "JEEVES_DATA_DIR", serveDir.toString()), "status")
                        .exitCode())
                .isEqualTo(1);
    }
}
