package dev.jeeves.api.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin credentials file: created once, owner-only, read back by whoever shares the data directory. */
class ClientCredentialsTest {
    @TempDir
    Path dataDir;

    @Test
    void createsTheAdminClientOnceAndReadsItBack() throws Exception {
        ClientCredentials created = ClientCredentials.loadOrCreate(dataDir);
        assertThat(created.clientId()).isEqualTo(ClientCredentials.ADMIN_CLIENT);
        assertThat(created.clientSecret().reveal()).hasSizeGreaterThan(40);
        ClientCredentials again = ClientCredentials.loadOrCreate(dataDir);
        assertThat(again.clientSecret().reveal())
                .isEqualTo(created.clientSecret().reveal());
        Path file = dataDir.resolve(ClientCredentials.FILE_NAME);
        assertThat(Files.readString(file)).contains("\"client_id\"", "\"client_secret\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void makesAFileOthersCouldReadOwnerOnlyBeforeReadingIt() throws Exception {
        ClientCredentials.loadOrCreate(dataDir);
        Path file = dataDir.resolve(ClientCredentials.FILE_NAME);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        ClientCredentials.read(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void matchesOnlyItsOwnIdAndSecret() {
        ClientCredentials admin = ClientCredentials.loadOrCreate(dataDir);
        String secret = admin.clientSecret().reveal();
        assertThat(admin.matches("jeeves-admin", secret)).isTrue();
        assertThat(admin.matches("jeeves-admin", secret + "x")).isFalse();
        assertThat(admin.matches("someone", secret)).isFalse();
    }

    @Test
    void saysHowToRecoverFromABrokenFile() throws Exception {
        Path file = dataDir.resolve(ClientCredentials.FILE_NAME);
        Files.writeString(file, "{not json");
        assertThatThrownBy(() -> ClientCredentials.read(file)).hasMessageContaining("delete it");
    }
}
