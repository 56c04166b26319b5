package dev.jeeves.contracts;

import static dev.jeeves.contracts.ContractFacts.CLIENT_ID;
import static dev.jeeves.contracts.ContractFacts.CLIENT_SECRET;
import static dev.jeeves.contracts.ContractFacts.FORGED_SIGNATURE;
import static dev.jeeves.contracts.ContractFacts.JWT_PATTERN;
import static dev.jeeves.contracts.ContractFacts.SLACK_SIGNING_SECRET;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.slack.api.app_backend.SlackSignature;
import dev.jeeves.api.UserUpdate;
import dev.jeeves.api.client.ApiException;
import dev.jeeves.api.client.JeevesClient;
import dev.jeeves.api.client.TokenSource;
import dev.jeeves.server.JeevesConfig;
import dev.jeeves.server.JeevesServer;
import dev.jeeves.stubs.SandboxStubs;
import io.helidon.metrics.api.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies the real Jeeves server against what its consumers wrote down: the CLI (contract 1) and Slack's
 * Events API (contract 4). The server runs with its real wiring on an ephemeral port, with its own data
 * directory and the canned stubs for Slack and Open-Meteo; every provider state is set up through its API.
 *
 * <p>Two things in a pact cannot be replayed as written, so each request is adjusted just before it is sent:
 * an access token in a pact is only an example (a real one is swapped in), and a Slack signature is only good
 * for five minutes and for the exact bytes sent (each event is signed again, now, as Slack would sign it).
 * A deliberately forged signature stays forged.
 */
@Provider(ContractFacts.JEEVES_SERVER)
@PactFolder("target/pacts")
@Tag("contract")
class ServerProviderPactIT {
    private static SandboxStubs stubs;
    private static JeevesServer server;
    private static JeevesClient api;

    @BeforeAll
    static void startJeeves() throws IOException {
        Path dataDir = Files.createTempDirectory("jeeves-provider-");
        // The admin client the CLI's pact uses, written before the first start as the server would write it.
        Files.writeString(
                Files.createFile(
                        dataDir.resolve("credentials.json"),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                "{\"client_id\":\"" + CLIENT_ID + "\",\"client_secret\":\"" + CLIENT_SECRET + "\"}\n");
        stubs = SandboxStubs.start();
        Map<String, String> environment = new HashMap<>(stubs.environment());
        environment.put("JEEVES_PORT", "0");
        environment.put("JEEVES_DATA_DIR", dataDir.toString());
        environment.put("JEEVES_SLACK_SIGNING_SECRET", SLACK_SIGNING_SECRET);
        server = JeevesServer.start(JeevesConfig.load(environment), Clock.systemUTC(), MeterRegistry.create());
        var credentials = Map.of("JEEVES_CLIENT_ID", CLIENT_ID, "JEEVES_CLIENT_SECRET", CLIENT_SECRET);
        api = new JeevesClient(server.uri(), new TokenSource(dataDir, credentials, Clock.systemUTC()));
    }

    @AfterAll
    static void stopJeeves() {
        if (server != null) {
            server.close();
        }
        if (stubs != null) {
            stubs.close();
        }
    }

    @BeforeEach
    void pointAtJeeves(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget("127.0.0.1", server.port()));
    }

    // tag::provider-verification[]
    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void jeevesHonoursTheContract(PactVerificationContext context, HttpRequest request) throws IOException {
        var authorization = request.getFirstHeader("Authorization");
        if (authorization != null && authorization.getValue().matches("Bearer " + JWT_PATTERN)) {
            request.setHeader("Authorization", "Bearer " + api.freshToken());
        }
        if (request.getFirstHeader("X-Slack-Signature") != null) {
            resign((ClassicHttpRequest) request);
        }
        context.verifyInteraction();
    }

    /** Signs the body as Slack would now, unless the pact's signature is the deliberately forged one. */
    private static void resign(ClassicHttpRequest request) throws IOException {
        byte[] body = EntityUtils.toByteArray(request.getEntity());
        request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        request.setHeader("X-Slack-Request-Timestamp", timestamp);
        if (!FORGED_SIGNATURE.equals(request.getFirstHeader("X-Slack-Signature").getValue())) {
            String signature = new SlackSignature.Generator(SLACK_SIGNING_SECRET)
                    .generate(timestamp, new String(body, StandardCharsets.UTF_8));
            request.setHeader("X-Slack-Signature", signature);
        }
    }
    // end::provider-verification[]

    // tag::provider-states[]
    @State("user U0ALICE exists with a location")
    void aliceLivesInBerlin() {
        api.updateUser(
                "U0ALICE",
                new UserUpdate(Optional.of("Alice"), Optional.of("alice@example.com"), Optional.of("Berlin")));
    }

    @State("no user U0NOBODY exists")
    void nobodyIsThere() {
        try {
            api.deleteUser("U0NOBODY");
        } catch (ApiException e) {
            if (e.httpStatus() != 404) {
                throw e;
            }
        }
    }
    // end::provider-states[]

    @State("Slack's Web API accepts replies")
    void slackAcceptsReplies() {
        stubs.reset();
    }

    @State("event Ev0RETRIED1 was already received")
    void theFirstDeliveryArrived() {
        String body = SlackEventsConsumerPactTest.RETRIED_MENTION;
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signature = new SlackSignature.Generator(SLACK_SIGNING_SECRET).generate(timestamp, body);
        int status = api.postSlackEvent(body, timestamp, signature);
        if (status != 200) {
            throw new IllegalStateException("the first delivery of Ev0RETRIED1 was answered " + status);
        }
    }
}
