package dev.jeeves.server;

import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

class MessagesApiIT extends FunctionalTest {

    @Test
    void answersWeatherFromOpenMeteo() {
        assumeStubs();
        api().body("{\"user\":\"" + newUser() + "\",\"text\":\"weather in Paris\"}")
                .post("/api/messages")
                .then()
                .statusCode(200)
                .body("action", equalTo("weather"))
                .body("reply", equalTo("Paris, France: 12°C (feels like 10°C), light rain, wind 14 km/h"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.FieldSource("dev.jeeves.stubs.SandboxStubs#CITIES")
    void answersWeatherForEverySandboxCity(String city) {
        assumeStubs();
        api().body("{\"user\":\"" + newUser() + "\",\"text\":\"weather in " + city + "\"}")
                .post("/api/messages")
                .then()
                .statusCode(200)
                .body(
                        "reply",
                        org.hamcrest.Matchers.matchesPattern(java.util.regex.Pattern.quote(city)
                                + ", [^:]+: -?\\d+°C \\(feels like -?\\d+°C\\), [a-z ]+, wind \\d+ km/h"));
    }
}
