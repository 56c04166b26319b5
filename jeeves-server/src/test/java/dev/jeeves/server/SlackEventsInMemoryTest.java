package dev.jeeves.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.app_backend.SlackSignature;
import dev.jeeves.api.Json;
import dev.jeeves.server.storage.Database;
import dev.jeeves.server.storage.ProcessedEvents;
import dev.jeeves.server.work.DurableWork;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gate in front of {@code POST /slack/events}, in memory: what Slack's requests are answered with, which are
 * refused and why, and what is recorded for an answer, through Jeeves' own routes with no socket. There is no Slack
 * to post to: {@link SlackEventsIT} follows an event to its reply in Slack's stub.
 */
@RoutingTest
@org.junit.jupiter.api.Tag("functional") // metrics' Tag is the one imported
class SlackEventsInMemoryTest {
    static final String SECRET = "in-memory-signing-secret";
    static final MeterRegistry METERS = MeterRegistry.create();

    @TempDir
    static Path dataDir;

    private static Database database;
    private static DurableWork work;
    private final DirectClient client;

    SlackEventsInMemoryTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        JeevesConfig config = config(dataDir, Map.of("JEEVES_SLACK_SIGNING_SECRET", SECRET));
        database = Database.open(config.database());
        JeevesServices services = JeevesServices.create(config, Clock.systemUTC(), database, METERS);
        services.routing(routing);
        // Accepting an event schedules its answer; posting it fails (no Slack here) and is left for later.
        work = services.work();
        work.start();
    }

    /** Upstreams on a port nothing listens on: the gate must not need them. */
    static JeevesConfig config(Path dataDir, Map<String, String> more) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "JEEVES_DATA_DIR", dataDir.toString(),
                "JEEVES_WEATHER_GEOCODING_URL", "http://127.0.0.1:9/v1",
                "JEEVES_WEATHER_FORECAST_URL", "http://127.0.0.1:9/v1",
                "JEEVES_SLACK_API_URL", "http://127.0.0.1:9/api"));
        settings.putAll(more);
        return JeevesConfig.load(settings);
    }

    @AfterAll
    static void stop() {
        work.stop();
        database.close();
    }

    /** An answer, read whole. */
    record Answer(Status status, String contentType, String wwwAuthenticate, JsonNode json) {
        String detail() {
            return json.path("detail").asText();
        }
    }

    static Answer post(Http1Client client, String body, String timestamp, String signature) {
        Http1ClientRequest request = client.post("/slack/events").header(HeaderNames.CONTENT_TYPE, "application/json");
        if (timestamp != null) {
            request.header(HeaderNames.create("X-Slack-Request-Timestamp"), timestamp);
        }
        if (signature != null) {
            request.header(HeaderNames.create("X-Slack-Signature"), signature);
        }
        try (Http1ClientResponse response = request.submit(body)) {
            String text = response.entity().hasEntity() ? response.as(String.class) : "";
            return new Answer(
                    response.status(),
                    response.headers().contentType().map(Object::toString).orElse(""),
                    response.headers().first(HeaderNames.WWW_AUTHENTICATE).orElse(""),
                    text.isEmpty() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts {@code body} signed as Slack signs it at {@code when}. */
    Answer signed(String body, Instant when) {
        String timestamp = Long.toString(when.getEpochSecond());
        return post(client, body, timestamp, new SlackSignature.Generator(SECRET).generate(timestamp, body));
    }

    Answer signed(String body) {
        return signed(body, Instant.now());
    }

    /** A count so far, read through {@code getOrCreate}: Helidon's registries share counts across the JVM. */
    static double counted(String name, Tag... tags) {
        return METERS.getOrCreate(Counter.builder(name).tags(List.of(tags))).count();
    }

    boolean recorded(String eventId) {
        return new ProcessedEvents(database.dataSource(), Clock.systemUTC())
                .find(eventId)
                .isPresent();
    }

    static void assertRefused(Answer answer, Status status, String detail) {
        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.detail()).contains(detail);
    }

    @Test
    void answersUrlVerificationWithTheChallenge() {
        Answer answer = signed("{\"token\":\"t\",\"challenge\":\"3eZbrw1aBm2rZ\",\"type\":\"url_verification\"}");
        assertThat(answer.status()).isEqualTo(Status.OK_200);
        assertThat(answer.json()).isEqualTo(Json.MAPPER.createObjectNode().put("challenge", "3eZbrw1aBm2rZ"));
    }

    @Test
    void acceptsAMessageOnceAndRecordsItForAnAnswer() {
        String eventId = SlackEvents.newEventId();
        String message = SlackEvents.directMessage(eventId, "U0ALICE", "help");
        double acceptedBefore = counted("jeeves.slack.events.accepted");
        double duplicatesBefore = counted("jeeves.slack.events.duplicates");
        assertThat(signed(message).status()).isEqualTo(Status.OK_200);
        assertThat(recorded(eventId)).as("recorded for an answer").isTrue();
        assertThat(signed(message).status()).as("Slack's retry").isEqualTo(Status.OK_200);
        assertThat(counted("jeeves.slack.events.accepted") - acceptedBefore).isEqualTo(1);
        assertThat(counted("jeeves.slack.events.duplicates") - duplicatesBefore).isEqualTo(1);
    }

    @Test
    void answersAnEventNotForJeevesWith200AndCountsWhy() {
        String edit = """
                {"type":"event_callback","event_id":"%s","event":{"type":"message","channel_type":"im",
                 "subtype":"message_changed","user":"U0ALICE","text":"help","ts":"1.4","channel":"D0DIRECT"}}""".formatted(SlackEvents.newEventId());
        Tag notForJeeves = Tag.create("reason", "not_for_jeeves");
        Tag unsupported = Tag.create("reason", "unsupported_type");
        double notForJeevesBefore = counted("jeeves.slack.events.ignored", notForJeeves);
        double unsupportedBefore = counted("jeeves.slack.events.ignored", unsupported);
        assertThat(signed(edit).status()).isEqualTo(Status.OK_200);
        assertThat(signed("{\"type\":\"app_rate_limited\"}").status()).isEqualTo(Status.OK_200);
        assertThat(counted("jeeves.slack.events.ignored", notForJeeves) - notForJeevesBefore)
                .isEqualTo(1);
        assertThat(counted("jeeves.slack.events.ignored", unsupported) - unsupportedBefore)
                .isEqualTo(1);
    }

    @Test
    void refusesABadSignatureAndRecordsNothing() {
        String eventId = SlackEvents.newEventId();
        String body = SlackEvents.mention(eventId, "U0ALICE", "help");
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Answer answer = post(client, body, timestamp, new SlackSignature.Generator("wrong").generate(timestamp, body));
        assertRefused(answer, Status.UNAUTHORIZED_401, "not a genuine Slack request: signature does not match");
        assertThat(answer.wwwAuthenticate()).isEqualTo("Slack-Signature");
        assertThat(recorded(eventId)).isFalse();
    }

    @Test
    void refusesAReplayedOldRequest() {
        Answer answer = signed(
                SlackEvents.mention(SlackEvents.newEventId(), "U0ALICE", "help"),
                Instant.now().minus(Duration.ofMinutes(6)));
        assertRefused(answer, Status.UNAUTHORIZED_401, "more than 5 minutes");
    }

    @Test
    void refusesAnUnsignedRequest() {
        Answer answer = post(client, SlackEvents.mention(SlackEvents.newEventId(), "U0ALICE", "help"), null, null);
        assertRefused(answer, Status.UNAUTHORIZED_401, "missing X-Slack-Request-Timestamp");
    }

    @Test
    void refusesSignedMalformedJson() {
        assertRefused(signed("{\"type\":"), Status.BAD_REQUEST_400, "malformed JSON");
    }

    @Test
    void refusesAnEventCallbackWithoutAnEventId() {
        assertRefused(
                signed("{\"type\":\"event_callback\",\"event\":{\"type\":\"app_mention\"}}"),
                Status.BAD_REQUEST_400,
                "event_id");
    }

    @Test
    void refusesABodyOver256KiB() {
        String huge = SlackEvents.mention(SlackEvents.newEventId(), "U0ALICE", "x".repeat(300 * 1024));
        assertRefused(signed(huge), Status.REQUEST_ENTITY_TOO_LARGE_413, "262144");
    }

    @Test
    void answersOnlyPost() {
        try (Http1ClientResponse response = client.get("/slack/events").request()) {
            assertThat(response.status()).isEqualTo(Status.METHOD_NOT_ALLOWED_405);
            assertThat(response.headers().first(HeaderNames.ALLOW)).contains("POST");
        }
    }

    @Test
    void refusesEveryEventWith503WithoutASigningSecret() throws IOException {
        Path otherDir = Files.createTempDirectory(dataDir, "no-secret");
        JeevesConfig config = config(otherDir, Map.of());
        try (Database noSecret = Database.open(config.database())) {
            HttpRouting.Builder routing = HttpRouting.builder();
            JeevesServices.create(config, Clock.systemUTC(), noSecret, MeterRegistry.create())
                    .routing(routing);
            Answer answer =
                    post(new DirectClient(routing), "{\"type\":\"url_verification\",\"challenge\":\"x\"}", null, null);
            assertRefused(answer, Status.SERVICE_UNAVAILABLE_503, "set JEEVES_SLACK_SIGNING_SECRET");
        }
    }

    /** Headers anyone who reaches the public request URL can send: each refused with 401, none a 5xx. */
    static Stream<Arguments> hostileSignatureHeaders() {
        String body = "{\"type\":\"url_verification\",\"challenge\":\"x\"}";
        String now = Long.toString(Instant.now().getEpochSecond());
        String genuine = new SlackSignature.Generator(SECRET).generate(now, body);
        return Stream.of(
                Arguments.of("-9223372036854775808", genuine, "more than 5 minutes"),
                Arguments.of("9223372036854775807", genuine, "more than 5 minutes"),
                Arguments.of("99999999999999999999", genuine, "not a number"),
                Arguments.of("1.7e9", genuine, "not a number"),
                Arguments.of("", genuine, "not a number"),
                Arguments.of(now, "", "does not match"),
                Arguments.of(now, "v0=", "does not match"),
                Arguments.of(now, "v0=" + "zz".repeat(32), "does not match"),
                Arguments.of(now, "v1=" + genuine.substring(3), "does not match"),
                Arguments.of(now, genuine.toUpperCase(java.util.Locale.ROOT), "does not match"),
                Arguments.of(now, genuine + genuine, "does not match"),
                Arguments.of(now, "v0=" + "é".repeat(64), "does not match"));
    }

    @ParameterizedTest(name = "timestamp \"{0}\", signature \"{1}\"")
    @MethodSource("hostileSignatureHeaders")
    void refusesAHostileSignatureHeaderWith401(String timestamp, String signature, String reason) {
        Answer answer = post(client, "{\"type\":\"url_verification\",\"challenge\":\"x\"}", timestamp, signature);
        assertRefused(answer, Status.UNAUTHORIZED_401, reason);
    }
}
