package dev.jeeves.server;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.jeeves.server.OpenApiContract.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.jeeves.stubs.SandboxStubs;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end check of what {@code ./mvnw package} ships: {@code java -jar target/jeeves-server.jar} in its
 * own process, configured only by environment variables, answering health, the API and a signed Slack event,
 * and stopping cleanly on SIGTERM.
 */
@Tag("end-to-end")
class PackagedJarIT {
    @TempDir
    Path dataDir;

    SandboxStubs stubs;
    JeevesProcess jeeves;
    Process process;

    @AfterEach
    void stop() {
        if (jeeves != null) {
            jeeves.close();
        }
        if (process != null) {
            process.destroyForcibly();
        }
        if (stubs != null) {
            stubs.close();
        }
    }

    @Test
    void packagedJarServesSlackAndTheApiThenStopsOnSigterm() throws Exception {
        assumeTrue(JeevesFixture.liveUrl().isEmpty());
        assertThat(JeevesProcess.JAR).exists();
        assertThat(Path.of("target", "libs")).isDirectoryContaining("glob:**helidon-webserver-*.jar");
        stubs = SandboxStubs.start();
        WireMockServer slack = stubs.slack();

        jeeves = JeevesProcess.start(JeevesProcess.environment(stubs, dataDir));
        URI uri = jeeves.awaitReady();
        System.out.printf("packaged jar ready after %d ms%n", jeeves.millisSinceStart());

        given().baseUri(uri.toString())
                .get("/observe/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        var credentials = dev.jeeves.api.credentials.ClientCredentials.loadOrCreate(dataDir);
        String token = given().baseUri(uri.toString())
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", credentials.clientId())
                .formParam("client_secret", credentials.clientSecret().reveal())
                .post("/oauth/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        given().baseUri(uri.toString())
                .header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body("{\"user\":\"UJAR\",\"text\":\"help\"}")
                .post("/api/messages")
                .then()
                .statusCode(200)
                .body("action", equalTo("help"));
        SlackEvents.post(uri, SlackEvents.mention("EvJAR1", "UJAR", "weather in Paris"))
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> slack.verify(
                        1,
                        postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                                .withRequestBody(matchingJsonPath(
                                        "$.text",
                                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                                                "Paris, France: 12°C (feels like 10°C), light rain, wind 14 km/h")))));

        assertThat(jeeves.terminate(Duration.ofSeconds(20)))
                .as("stopped on SIGTERM within 20 s")
                .isTrue();
        try (var files = Files.list(dataDir)) {
            assertThat(files).anyMatch(file -> file.getFileName().toString().startsWith("jeeves"));
        }
        String log = jeeves.output();
        assertThat(log)
                .doesNotContain(JeevesFixture.SIGNING_SECRET)
                .doesNotContain(JeevesFixture.BOT_TOKEN)
                .doesNotContain(credentials.clientSecret().reveal());
        assertThat(log).contains("\"POST /slack/events HTTP/1.1\" 200");
        assertThat(log).as("stopped in order, not just killed").contains("Jeeves stopped");
    }

    @Test
    void invalidConfigurationStopsStartUpWithOneLine() throws Exception {
        assumeTrue(JeevesFixture.liveUrl().isEmpty());
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder =
                new ProcessBuilder(javaBin, "-jar", "target/jeeves-server.jar").redirectErrorStream(true);
        builder.environment().put("JEEVES_PORT", "eighty");
        builder.environment().put("JEEVES_DATA_DIR", dataDir.toString());
        process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(out.strip())
                .isEqualTo("jeeves-server: invalid configuration: JEEVES_PORT must be a whole number from 0 to 65535,"
                        + " got \"eighty\"");
    }
}
