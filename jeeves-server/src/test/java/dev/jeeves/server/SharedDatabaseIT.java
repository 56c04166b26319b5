package dev.jeeves.server;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.jeeves.server.OpenApiContract.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jeeves.api.credentials.ClientCredentials;
import io.helidon.metrics.api.MeterRegistry;
import io.restassured.http.ContentType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Three Jeeves on one database, each with its own data directory, are interchangeable: a token from one works on
 * all, a Slack retry reaching another instance is dropped, a due daily alert goes out once while all three check.
 * (On H2 the three share the database in this JVM; with {@code -Djeeves.test.fixture-db=postgresql}, one
 * PostgreSQL schema. {@code ScaleOutIT} does the same with processes behind a load balancer, and a crash.)
 */
@Tag("functional")
class SharedDatabaseIT {
    static Path root;
    static JeevesFixture first;
    static List<JeevesServer> others;

    @BeforeAll
    static void startThree() throws Exception {
        assumeTrue(JeevesFixture.liveUrl().isEmpty(), "starts its own instances");
        root = Files.createTempDirectory("jeeves-shared");
        first = JeevesFixture.start(
                root.resolve("first"),
                Map.of("JEEVES_ALERTS_CHECK_INTERVAL", "PT0.5S", "JEEVES_WORK_TAKEOVER", "PT3S"));
        others = List.of(startAnother("second"), startAnother("third"));
    }

    static JeevesServer startAnother(String name) {
        Map<String, String> environment = new HashMap<>(first.environment());
        environment.put("JEEVES_DB_URL", first.databaseSettings().jdbcUrl());
        environment.put("JEEVES_DATA_DIR", root.resolve(name).toString());
        return JeevesServer.start(JeevesConfig.load(environment), Clock.systemUTC(), MeterRegistry.create());
    }

    @AfterAll
    static void stopThree() {
        if (others != null) {
            others.forEach(JeevesServer::close);
        }
        if (first != null) {
            first.close();
        }
    }

    static List<URI> all() {
        return List.of(first.uri(), others.get(0).uri(), others.get(1).uri());
    }

    @Test
    void aTokenFromOneInstanceWorksOnEveryInstance() {
        String token = first.accessToken();
        String jwks = given().baseUri(first.uri().toString())
                .get("/.well-known/jwks.json")
                .asString();
        for (URI instance : all()) {
            given().baseUri(instance.toString())
                    .header("Authorization", "Bearer " + token)
                    .get("/api/actions")
                    .then()
                    .statusCode(200);
            assertThat(given().baseUri(instance.toString())
                            .get("/.well-known/jwks.json")
                            .asString())
                    .isEqualTo(jwks);
        }
    }

    @Test
    void everyInstanceWritesTheOneSharedAdminSecretForItsLocalCli() {
        ClientCredentials shared = ClientCredentials.read(first.dataDir().resolve(ClientCredentials.FILE_NAME));
        for (String name : List.of("second", "third")) {
            assertThat(ClientCredentials.read(root.resolve(name).resolve(ClientCredentials.FILE_NAME))
                            .matches(shared.clientId(), shared.clientSecret().reveal()))
                    .as(name)
                    .isTrue();
        }
    }

    @Test
    void aSlackRetryThatReachesAnotherInstanceIsDropped() {
        String body = SlackEvents.directMessage(SlackEvents.newEventId(), "USHARED", "D0SHARED", "help");
        for (URI instance : all()) {
            SlackEvents.post(instance, body).then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> SlackEvents.repliesPerChannel(first.slack()).getOrDefault("D0SHARED", 0L) >= 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> SlackEvents.repliesPerChannel(first.slack()).get("D0SHARED") == 1);
    }

    @Test
    void aDueDailyAlertIsSentOnceWhileThreeInstancesCheck() {
        for (String text : List.of("location set Paris", "alerts on at 00:00")) {
            first.authorized()
                    .contentType(ContentType.JSON)
                    .body("{\"user\":\"UALERT3\",\"text\":\"" + text + "\"}")
                    .post("/api/messages")
                    .then()
                    .statusCode(200);
        }
        var alertPosts = postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withRequestBody(containing("\"channel\":\"UALERT3\""))
                .withRequestBody(containing("Your daily weather"))
                .build();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> first.slack().countRequestsMatching(alertPosts).getCount() >= 1);
        // Checked every half second by each of the three: two seconds of checks send nothing more.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> first.slack().countRequestsMatching(alertPosts).getCount() == 1);
    }
}
