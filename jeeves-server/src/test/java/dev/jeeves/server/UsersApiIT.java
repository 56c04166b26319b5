package dev.jeeves.server;

import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

class UsersApiIT extends FunctionalTest {
    static void say(String user, String text) {
        api().body("{\"user\":\"" + user + "\",\"text\":\"" + text + "\"}")
                .post("/api/messages")
                .then()
                .statusCode(200);
    }

    @Test
    void putCreatesAUserThenChangesOnlyTheFieldsGiven() {
        String id = newUser();
        api().body("{\"name\":\"Ada\",\"email\":\"ada@example.com\"}")
                .put("/api/users/" + id)
                .then()
                .statusCode(201)
                .body("id", equalTo(id))
                .body("name", equalTo("Ada"))
                .body("location", nullValue());
        api().body("{\"email\":\"ada@lovelace.org\"}")
                .put("/api/users/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Ada"))
                .body("email", equalTo("ada@lovelace.org"));
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
    void putRefusesBadFields() {
        String id = newUser();
        api().body("{\"email\":\"not-an-email\"}")
                .put("/api/users/" + id)
                .then()
                .statusCode(400)
                .body("detail", equalTo("field \"email\" is not an email address: \"not-an-email\""));
        api().body("{\"age\":3}")
                .put("/api/users/" + id)
                .then()
                .statusCode(400)
                .body("detail", equalTo("unknown field \"age\"; a user has \"name\", \"email\" and \"location\""));
        api().body("{}").put("/api/users/" + id).then().statusCode(400);
        api().body("{\"name\":[1]}")
                .put("/api/users/" + id)
                .then()
                .statusCode(400)
                .body("detail", equalTo("field \"name\" must be a string, not array"));
        api().get("/api/users/" + id).then().statusCode(404);
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

    @Test
    void listPagesThroughUsers() {
        String first = newUser();
        String second = newUser();
        say(first, "help");
        say(second, "help");
        api().get("/api/users?limit=500").then().statusCode(200).body("users.id", hasItem(first));
        int total = api().get("/api/users").then().extract().path("total");
        api().get("/api/users?limit=1&offset=" + (total - 1))
                .then()
                .statusCode(200)
                .body("users.size()", equalTo(1))
                .body("limit", equalTo(1));
    }

    @Test
    void listRefusesBadPaging() {
        api().get("/api/users?limit=0")
                .then()
                .statusCode(400)
                .body("detail", equalTo("query parameter \"limit\" must be a whole number from 1 to 500, got \"0\""));
        api().get("/api/users?limit=2&limit=3")
                .then()
                .statusCode(400)
                .body("detail", equalTo("query parameter \"limit\" is given 2 times; give it once"));
        api().get("/api/users?offset=-1").then().statusCode(400);
        api().get("/api/users?limit=ten").then().statusCode(400);
        api().get("/api/users?limt=5")
                .then()
                .statusCode(400)
                .body(
                        "detail",
                        equalTo("unknown query parameter \"limt\"; the user list takes \"limit\" and \"offset\""));
    }

    @Test
    void deleteRemovesTheUserWithTheirSettings() {
        String id = newUser();
        say(id, "config set units metric");
        api().delete("/api/users/" + id).then().statusCode(204);
        api().get("/api/users/" + id).then().statusCode(404);
        api().delete("/api/users/" + id).then().statusCode(404);
        say(id, "help");
        api().get("/api/users/" + id).then().statusCode(200).body("settings", anEmptyMap());
    }

    @Test
    void refusesAnInvalidId() {
        api().get("/api/users/bad%20id")
                .then()
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("is not a valid user id"));
    }
}
