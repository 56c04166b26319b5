package dev.jeeves.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jeeves.api.Secret;
import dev.jeeves.api.credentials.ClientCredentials;
import dev.jeeves.server.storage.ApiClientStore;
import dev.jeeves.server.storage.Database;
import dev.jeeves.server.storage.InMemoryDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin client every instance shares: the database's when it has one, else the one an operator (or an older
 * Jeeves) left in the data directory, else a new one; and the file the CLI reads always ends up saying the same.
 */
class AdminClientTest {
    @TempDir
    Path dataDir;

    @TempDir
    Path otherInstance;

    private Database database;
    private ApiClientStore clients;

    @BeforeEach
    void open() {
        database = InMemoryDatabase.open(dataDir);
        clients = new ApiClientStore(database.dataSource(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        database.close();
    }

    static String onFile(Path dir) {
        return secret(ClientCredentials.read(dir.resolve(ClientCredentials.FILE_NAME)));
    }

    /** Secrets do not compare (nor print): tests compare what they reveal. */
    static String secret(ClientCredentials credentials) {
        return credentials.clientSecret().reveal();
    }

    @Test
    void createsOneAdminClientAndWritesItForTheCli() {
        ClientCredentials admin = AdminClient.establish(clients, dataDir);
        assertThat(admin.clientId()).isEqualTo(ClientCredentials.ADMIN_CLIENT);
        assertThat(clients.secret(ClientCredentials.ADMIN_CLIENT))
                .contains(admin.clientSecret().reveal());
        assertThat(onFile(dataDir)).isEqualTo(secret(admin));
        assertThat(secret(AdminClient.establish(clients, dataDir)))
                .as("established again: the same")
                .isEqualTo(secret(admin));
    }

    @Test
    void takesTheClientAnOperatorProvisionedInTheDataDirectory() {
        ClientCredentials provisioned =
                new ClientCredentials(ClientCredentials.ADMIN_CLIENT, Secret.of("provisioned-secret-0123456789"));
        provisioned.save(dataDir);
        assertThat(secret(AdminClient.establish(clients, dataDir))).isEqualTo(secret(provisioned));
        assertThat(clients.secret(ClientCredentials.ADMIN_CLIENT)).contains("provisioned-secret-0123456789");
    }

    @Test
    void rewritesAFileThatDisagreesWithTheDatabase() throws Exception {
        ClientCredentials first = AdminClient.establish(clients, otherInstance);
        new ClientCredentials(ClientCredentials.ADMIN_CLIENT, Secret.of("stale-secret-0123456789")).save(dataDir);

        assertThat(secret(AdminClient.establish(clients, dataDir))).isEqualTo(secret(first));
        assertThat(onFile(dataDir))
                .as("the CLI on this machine gets the shared client")
                .isEqualTo(secret(first));
        assertThat(Files.exists(otherInstance.resolve(ClientCredentials.FILE_NAME)))
                .isTrue();
    }
}
