package dev.jeeves.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jeeves.server.domain.User;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The users table as the API pages it: created once, counted, listed oldest first. */
class UserStoreTest {
    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");

    @TempDir
    Path dataDir;

    private Database database;

    @BeforeEach
    void open() {
        database = InMemoryDatabase.open(dataDir);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private UserStore usersAt(Instant now) {
        return new UserStore(database.dataSource(), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void saysAUserIsNewOnlyTheFirstTime() {
        UserStore users = usersAt(MONDAY);

        assertThat(users.ensureExists("U1")).isTrue();
        assertThat(users.ensureExists("U1")).isFalse();
        assertThat(users.find("U1")).map(User::createdAt).contains(MONDAY);
    }

    @Test
    void countsTheUsers() {
        UserStore users = usersAt(MONDAY);
        assertThat(users.count()).isZero();

        users.ensureExists("U1");
        users.ensureExists("U2");
        users.ensureExists("U1");

        assertThat(users.count()).isEqualTo(2);
    }

    @Test
    void listsOldestFirstAndPagesByLimitAndOffset() {
        usersAt(MONDAY.plusSeconds(60)).ensureExists("UA");
        usersAt(MONDAY).ensureExists("UC");
        usersAt(MONDAY).ensureExists("UB");
        UserStore users = usersAt(MONDAY);

        assertThat(users.list(10, 0)).extracting(User::id).containsExactly("UB", "UC", "UA");
        assertThat(users.list(2, 1)).extracting(User::id).containsExactly("UC", "UA");
        assertThat(users.list(10, 3)).isEmpty();
    }

    @Test
    void deletesAUserAndSaysWhenThereWasNone() {
        UserStore users = usersAt(MONDAY);
        users.ensureExists("U1");

        assertThat(users.delete("U1")).isTrue();
        assertThat(users.find("U1")).isEmpty();
        assertThat(users.delete("U1")).isFalse();
    }
}
