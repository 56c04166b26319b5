package dev.jeeves.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** The base of the HTTP suites: one Jeeves per test class, stubs reset before each test. */
@Tag("functional")
abstract class FunctionalTest {
    @TempDir
    static Path dataDir;

    static JeevesFixture jeeves;

    @BeforeAll
    static void startJeeves() {
        jeeves = JeevesFixture.start(dataDir);
    }

    @AfterAll
    static void stopJeeves() {
        jeeves.close();
    }

    @BeforeEach
    void resetStubs() {
        jeeves.resetStubs();
    }

    /** Skips a test that has to control the upstream stubs (when running against a live server). */
    static void assumeStubs() {
        assumeTrue(jeeves.controlsUpstreams(), "needs the upstream stubs: not run against -Djeeves.url");
    }

    /** A request to the Jeeves under test. */
    static RequestSpecification api() {
        return jeeves.authorized().contentType(ContentType.JSON);
    }

    /** A user id no other test uses. */
    static String newUser() {
        return "T"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(java.util.Locale.ROOT);
    }
}
