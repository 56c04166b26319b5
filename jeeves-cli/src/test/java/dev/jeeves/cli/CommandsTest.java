package dev.jeeves.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.jeeves.api.Json;
import dev.jeeves.api.Secret;
import dev.jeeves.api.client.ApiException;
import dev.jeeves.api.slack.SlackSignature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each command's parsing and behaviour against a fake API, in milliseconds; JeevesCliIT runs them for real. */
class CommandsTest {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    // tag::fake-api[]
    final FakeApi api = new FakeApi();

    CliRun jeeves(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> environment = Map.of("JEEVES_DATA_DIR", dataDir.toString());
        CliContext context = new CliContext(environment, NOW, new PrintWriter(out), (server, dataDir, trace) -> api);
        int code = JeevesCli.run(context, new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Test
    void askSendsTheWordsAsOneMessageAndPrintsTheReply() {
        CliRun run = jeeves("ask", "--as", "U42", "weather", "in", "Paris");
        assertThat(api.calls).containsExactly("ask U42 weather in Paris");
        assertThat(run.out()).isEqualTo("Here is what I can do\n");
    }

    @Test
    void printsTheAnswerAsJsonOnRequest() throws Exception {
        CliRun run = jeeves("-o", "json", "ask", "help");
        assertThat(Json.MAPPER.readTree(run.out()).path("action").asText()).isEqualTo("help");
    }

    @Test
    void listsUsersAsATableWithTheTotal() {
        CliRun run = jeeves("users", "list", "--limit", "2", "--offset", "4");
        assertThat(api.calls).containsExactly("users 2 4");
        assertThat(run.out()).isEqualTo("""
                        ID  NAME  EMAIL            LOCATION
                        U1  Ada   -                Berlin, Germany
                        U2  -     bob@example.org  -
                        2 of 7 users
                        """);
    }
    // end::fake-api[]

    @Test
    void showsAUserWithSettingsAndAlert() {
        assertThat(jeeves("users", "show", "U1").out())
                .contains("Location: Berlin, Germany", "Alert:    daily at 06:30", "Setting:  units = metric");
    }

    @Test
    void setSendsOnlyTheFieldsGiven() {
        jeeves("users", "set", "U1", "--name", "Ada Lovelace");
        assertThat(api.lastUpdate.name()).contains("Ada Lovelace");
        assertThat(api.lastUpdate.email()).isNull();
        assertThat(api.lastUpdate.location()).isNull();
    }

    @Test
    void setWithNothingToChangeIsAUsageErrorAndSendsNothing() {
        CliRun run = jeeves("users", "set", "U1");
        assertThat(run.exitCode()).isEqualTo(CliException.USAGE);
        assertThat(run.err()).startsWith("jeeves: give at least one of --name, --email, --location");
        assertThat(api.calls).isEmpty();
    }

    @Test
    void deletePrintsWhatItDeleted() {
        assertThat(jeeves("users", "delete", "U1").out()).isEqualTo("Deleted user U1.\n");
        assertThat(api.calls).containsExactly("deleteUser U1");
    }

    @Test
    void actionsPrintEachUsageWithItsDescriptionBelow() {
        assertThat(jeeves("actions").out())
                .isEqualTo("help [action]\n    Lists what I can do, or explains one action.\n");
    }

    @Test
    void statusSaysUptimeDatabaseCircuitsAndSlackReplies() {
        assertThat(jeeves("status").out()).isEqualTo("""
                        Jeeves 1.2.3 at http://127.0.0.1:8080: UP
                        Uptime:   1h2m3s
                        Database: H2 (reachable)
                        Circuits: open-meteo OPEN
                        Replies:  2 pending, 1 failed
                        """);
    }

    @Test
    void tokenPrintsAFreshToken() {
        assertThat(jeeves("token").out()).isEqualTo("eyJ.fresh.token\n");
    }

    @Test
    void slackSendSignsTheEventAsSlackWould() {
        CliRun run = jeeves("slack", "send", "--signing-secret", "s3cret", "--as", "U7", "help");
        assertThat(run.out()).startsWith("Sent event Ev").contains("(HTTP 200)");
        String[] call = api.calls.get(0).split(" ", 4);
        byte[] body = call[3].getBytes(StandardCharsets.UTF_8);
        assertThat(call[1]).isEqualTo(Long.toString(NOW.instant().getEpochSecond()));
        assertThat(new SlackSignature(Secret.of("s3cret"), NOW).check(call[1], call[2], body))
                .isEmpty();
        assertThat(call[3]).contains("\"type\":\"event_callback\"", "\"user\":\"U7\"", "\"channel_type\":\"im\"");
    }

    @Test
    void slackSendOutsideTheSandboxDoesNotWait() {
        assertThat(jeeves("slack", "send", "help").out())
                .endsWith("(HTTP 200); Jeeves answers through chat.postMessage.\n");
    }

    @Test
    void slackSendInTheSandboxPrintsTheReplyTheStubSlackReceived() throws IOException {
        long after = NOW.instant().toEpochMilli() + 500;
        try (StubJournal journal = new StubJournal("{\"requests\":[{\"request\":{\"url\":\"/api/chat.postMessage\","
                + "\"loggedDate\":" + after + ",\"body\":\"{\\\"channel\\\":\\\"DU7\\\",\\\"text\\\":\\\"Here is"
                + " what I can do\\\"}\"}}]}")) {
            SandboxFile.write(dataDir, URI.create("http://127.0.0.1:8080"), journal.uri());
            CliRun run = jeeves("slack", "send", "--as", "U7", "help");
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).endsWith("(HTTP 200). Jeeves replied:\nHere is what I can do\n");
        }
    }

    @Test
    void slackSendInTheSandboxSaysSoWhenNoReplyComesInTime() throws IOException {
        try (StubJournal journal = new StubJournal("{\"requests\":[]}")) {
            SandboxFile.write(dataDir, URI.create("http://127.0.0.1:8080"), journal.uri());
            CliRun run = jeeves("slack", "send", "--wait", "1", "help");
            assertThat(run.exitCode()).isEqualTo(CliException.FAILURE);
            assertThat(run.err())
                    .startsWith("jeeves: Sent event Ev")
                    .endsWith("but no reply reached the stub Slack within 1 s: the server's log says why\n");
            assertThat(jeeves("slack", "send", "--no-wait", "help").exitCode()).isZero();
        }
    }

    /** A stub Slack's journal that always answers the same. */
    static final class StubJournal implements AutoCloseable {
        private final HttpServer server;

        StubJournal(String answer) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/__admin/requests", exchange -> {
                byte[] body = answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/__admin/requests");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void aRefusedTokenExitsWithThreeInOneLine() {
        api.failure = apiException("not authorized: the token has expired", true);
        CliRun run = jeeves("users", "list");
        assertThat(run.exitCode()).isEqualTo(CliException.NOT_AUTHORIZED);
        assertThat(run.err()).isEqualTo("jeeves: not authorized: the token has expired\n");
    }

    @Test
    void aServerFailureExitsWithOne() {
        api.failure = apiException("no user with id \"U9\"", false);
        CliRun run = jeeves("users", "show", "U9");
        assertThat(run.exitCode()).isEqualTo(CliException.FAILURE);
        assertThat(run.err()).isEqualTo("jeeves: no user with id \"U9\"\n");
    }

    private static ApiException apiException(String message, boolean notAuthorized) {
        return new ApiException(message, notAuthorized ? 401 : 404);
    }
}
