package dev.jeeves.server;

import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

class UsersApiIT extends FunctionalTest {
    static void say(String user, String text) {
        api().body("{\"user\":\"" + user + "\",\"text\":\"" + text + "\"}")
                .post("/api/messages")
                .then()
                .statusCode(200);
    }

    @Test
    void putGeocodesTheLocation() {
        assumeStubs();
        String id = newUser();
        api().body("{\"location\":\"Berlin\"}")
                .put("/api/users/" + id)
                .then()
                .statusCode(201)
                .body("location.name", equalTo("Berlin"))
                .body("location.country", equalTo("Germany"))
                .body("location.timeZone", equalTo("Europe/Berlin"));
    }

    @Test
    void putRefusesAnUnknownPlaceAndChangesNothing() {
        String id = newUser();
        api().body("{\"name\":\"Bob\"}").put("/api/users/" + id).then().statusCode(201);
        api().body("{\"name\":\"Robert\",\"location\":\"Atlantis-Under-The-Sea\"}")
                .put("/api/users/" + id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("field \"location\": no place called \"Atlantis-Under-The-Sea\" was found"));
        api().get("/api/users/" + id).then().body("name", equalTo("Bob"));
    }

    @Test
    void getShowsSettingsAndAlert() {
        assumeStubs();
        String id = newUser();
        say(id, "config set units metric");
        say(id, "location set Paris");
        say(id, "alerts on at 06:30");
        api().get("/api/users/" + id)
                .then()
                .statusCode(200)
                .body("settings.units", equalTo("metric"))
                .body("alert.time", equalTo("06:30"))
                .body("location.name", equalTo("Paris"));
    }
}
