package dev.jeeves.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What users see when Open-Meteo misbehaves: a one-line apology, never a stack trace, and no hammering. */
class UpstreamFaultsIT extends FunctionalTest {
    static final String APOLOGY = "Sorry, I can't reach the weather service right now. Please try again in a minute.";

    @BeforeEach
    void needsStubs() {
        assumeStubs();
    }

    static void weatherIn(String place, String expectedReply) {
        api().body("{\"user\":\"" + newUser() + "\",\"text\":\"weather in " + place + "\"}")
                .post("/api/messages")
                .then()
                .statusCode(200)
                .body("reply", equalTo(expectedReply));
    }

    static void geocodingAnswers(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        jeeves.openMeteo()
                .stubFor(get(urlPathEqualTo("/v1/search")).atPriority(1).willReturn(response));
    }

    static int geocodingCalls() {
        return jeeves.openMeteo()
                .countRequestsMatching(
                        getRequestedFor(urlPathEqualTo("/v1/search")).build())
                .getCount();
    }

    // tag::retries[]
    @Test
    void apologisesAfterRetryingAServerError() {
        geocodingAnswers(aResponse().withStatus(500));
        weatherIn("Oslo", APOLOGY);
        assertThat(geocodingCalls()).isEqualTo(3);
    }

    @Test
    void apologisesWhenOpenMeteoTimesOut() {
        geocodingAnswers(aResponse().withFixedDelay(1_500).withBody("{}"));
        weatherIn("Lima", APOLOGY);
    }
    // end::retries[]

    @Test
    void apologisesWhenTheConnectionDrops() {
        geocodingAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        weatherIn("Quito", APOLOGY);
    }

    @Test
    void apologisesForMalformedJsonWithoutRetrying() {
        geocodingAnswers(
                aResponse().withHeader("Content-Type", "application/json").withBody("{\"results\":[{"));
        weatherIn("Accra", APOLOGY);
        assertThat(geocodingCalls()).isEqualTo(1);
    }

    @Test
    void apologisesForAnOpenMeteoError() {
        geocodingAnswers(aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":true,\"reason\":\"Parameter count must be between 1 and 100\"}"));
        weatherIn("Hanoi", APOLOGY);
        assertThat(geocodingCalls()).isEqualTo(1);
    }

    @Test
    void apologisesWhenRateLimited() {
        geocodingAnswers(aResponse()
                .withStatus(429)
                .withBody("{\"error\":true,\"reason\":\"Minutely API request limit exceeded\"}"));
        weatherIn("Dakar", APOLOGY);
    }

    @Test
    void cachesPlacesAndForecasts() {
        String berlin = "Berlin, Germany: 18°C (feels like 16°C), overcast, wind 11 km/h";
        weatherIn("Berlin", berlin);
        weatherIn("berlin", berlin);
        weatherIn("BERLIN", berlin);
        // Earlier tests may have cached Berlin already: at most one call each, never one per question.
        assertThat(geocodingCalls()).isLessThanOrEqualTo(1);
        assertThat(jeeves.openMeteo()
                        .countRequestsMatching(
                                getRequestedFor(urlPathEqualTo("/v1/forecast")).build())
                        .getCount())
                .isLessThanOrEqualTo(1);
    }
}
