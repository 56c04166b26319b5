package dev.jeeves.server;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

class MessagesApiIT extends FunctionalTest {
    @Test
    void answersHelpWithEveryAction() {
        api().body("{\"user\":\"" + newUser() + "\",\"text\":\"help\"}")
                .post("/api/messages")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("action", equalTo("help"))
                .body("reply", containsString("weather [in|for] <place>"))
                .body("reply", containsString("config show"));
    }

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

    @Test
    void answersAnUnknownWord() {
        api().body("{\"user\":\"" + newUser() + "\",\"text\":\"dance please\"}")
                .post("/api/messages")
                .then()
                .statusCode(200)
                .body("action", equalTo("unknown"))
                .body("reply", equalTo("I don't know how to \"dance\". Try \"help\"."));
    }

    @Test
    void refusesMalformedJsonSayingWhere() {
        api().body("{\"user\":\"U1\",")
                .post("/api/messages")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/messages"))
                .body("detail", startsWith("malformed JSON at line 1"));
    }

    @Test
    void refusesAMissingField() {
        api().body("{\"user\":\"U1\"}")
                .post("/api/messages")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("field \"text\" is required"));
    }

    @Test
    void refusesAWrongType() {
        api().body("{\"user\":\"U1\",\"text\":42}")
                .post("/api/messages")
                .then()
                .statusCode(400)
                .body("detail", equalTo("field \"text\" must be a string, not number"));
    }

    @Test
    void refusesABodyThatIsNotAnObject() {
        api().body("[\"help\"]")
                .post("/api/messages")
                .then()
                .statusCode(400)
                .body("detail", equalTo("the body must be a JSON object"));
    }

    @Test
    void refusesAnInvalidUserId() {
        api().body("{\"user\":\"not an id!\",\"text\":\"help\"}")
                .post("/api/messages")
                .then()
                .statusCode(400)
                .body("detail", containsString("is not a valid user id"));
    }

    @Test
    void refusesTextOverTheLimit() {
        api().body("{\"user\":\"U1\",\"text\":\"" + "a".repeat(4001) + "\"}")
                .post("/api/messages")
                .then()
                .statusCode(400)
                .body("detail", equalTo("field \"text\" has 4001 characters; the most is 4000"));
    }

    @Test
    void refusesAnOversizedBody() {
        api().body("{\"user\":\"U1\",\"text\":\"" + "a".repeat(70_000) + "\"}")
                .post("/api/messages")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("the most accepted here is 65536"));
    }

    @Test
    void answersUnknownApiPathsWithAProblem() {
        api().get("/api/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no endpoint GET /api/nothing-here"));
    }

    @Test
    void listsTheActions() {
        api().get("/api/actions")
                .then()
                .statusCode(200)
                .body("name", org.hamcrest.Matchers.contains("help", "weather", "location", "config", "alerts"))
                .body("find { it.name == 'weather' }.usage", equalTo("weather [in|for] <place>"));
    }

    @Test
    void reportsStatusWithDatabaseAndCircuits() {
        api().get("/api/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("database.reachable", equalTo(true))
                .body("circuits.open-meteo", equalTo("CLOSED"))
                .body("uptimeSeconds", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
    }
}
