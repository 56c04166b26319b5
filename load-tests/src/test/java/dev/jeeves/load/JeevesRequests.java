package dev.jeeves.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;

/** The requests the simulations share: an API message, a signed Slack event, the delivered-once check. */
final class JeevesRequests {
    /** The name of the request that carries the delivered-once verdict. */
    static final String DELIVERY_CHECK = "every event answered exactly once";

    private JeevesRequests() {}

    /** HTTP to Jeeves (or the baseline) at this base URL with a bearer token. */
    static HttpProtocolBuilder protocol(String baseUrl, String token) {
        return http.baseUrl(baseUrl)
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .authorizationHeader("Bearer " + token)
                .userAgentHeader("jeeves-load-tests");
    }

    // tag::ask-request[]
    /** {@code POST /api/messages} as the user in {@code #{user}}; the reply must be there. */
    static HttpRequestActionBuilder message(String name, String text) {
        return http(name)
                .post("/api/messages")
                .body(StringBody("{\"user\":\"#{user}\",\"text\":\"" + text + "\"}"))
                .check(status().is(200), jsonPath("$.reply").exists());
    }
    // end::ask-request[]

    /** A Slack event from the session ({@code body}, {@code timestamp}, {@code signature}, {@code retry}). */
    static ChainBuilder slackEvent(SlackTraffic traffic) {
        return exec(session -> session.setAll(traffic.next()))
                .doIfOrElse(session -> session.getInt("retry") > 0)
                .then(exec(http("Slack event retry")
                        .post("/slack/events")
                        .header("X-Slack-Request-Timestamp", "#{timestamp}")
                        .header("X-Slack-Signature", "#{signature}")
                        .header("X-Slack-Retry-Num", "#{retry}")
                        .header("X-Slack-Retry-Reason", "http_timeout")
                        .body(StringBody("#{body}"))
                        .check(status().is(200))))
                .orElse(exec(http("Slack event")
                        .post("/slack/events")
                        .header("X-Slack-Request-Timestamp", "#{timestamp}")
                        .header("X-Slack-Signature", "#{signature}")
                        .body(StringBody("#{body}"))
                        .check(status().is(200))));
    }

    /**
     * After the load: polls the Slack stub's request journal until every event has a reply (or 60 s pass), then
     * one request named {@link #DELIVERY_CHECK} fails unless each event got exactly one delivered reply.
     */
    static ScenarioBuilder deliveryCheck(String slackStubUrl, SlackTraffic traffic) {
        String journal = slackStubUrl + "/__admin/requests";
        return scenario("Delivered once")
                .exec(session -> session.set("settled", false))
                .exec(asLongAsDuring(session -> !session.getBoolean("settled"), Duration.ofSeconds(60))
                        .on(exec(http("Slack stub journal")
                                        .get(journal)
                                        .check(bodyString().saveAs("journal")))
                                .exec(session -> session.set("settled", traffic.settled(session.getString("journal"))))
                                .doIf(session -> !session.getBoolean("settled"))
                                .then(pause(Duration.ofMillis(250)))))
                .exec(http(DELIVERY_CHECK)
                        .get(journal)
                        .check(bodyString().transform(traffic::verdict).is(SlackTraffic.EXACTLY_ONCE)));
    }
}
