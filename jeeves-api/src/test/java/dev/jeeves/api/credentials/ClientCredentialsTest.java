package dev.jeeves.api.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
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
    void readsAnOperatorsFileAsItIsAndWarnsWhenOthersCanReadIt() throws Exception {
        ClientCredentials created = ClientCredentials.loadOrCreate(dataDir);
        Path file = dataDir.resolve(ClientCredentials.FILE_NAME);
        // What a Kubernetes Secret mount looks like: read-only, rw-r--r-- by default.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        List<LogRecord> warnings = new ArrayList<>();
        Logger logger = Logger.getLogger(OwnerOnlyFiles.class.getName());
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord logRecord) {
                warnings.add(logRecord);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(recorder);
        try {
            assertThat(ClientCredentials.read(file).clientSecret().reveal())
                    .isEqualTo(created.clientSecret().reveal());
        } finally {
            logger.removeHandler(recorder);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .as("left as the operator made it")
                .isEqualTo("r--r--r--");
        assertThat(warnings)
                .singleElement()
                .satisfies(warning -> assertThat(new SimpleFormatter().formatMessage(warning))
                        .isEqualTo(file + " is readable by others (r--r--r--): chmod 600 it unless that is intended"));
    }

    @Test
    void eachNewAdminGetsItsOwnRandomSecret() {
        String first = ClientCredentials.newAdmin().clientSecret().reveal();
        String second = ClientCredentials.newAdmin().clientSecret().reveal();
        assertThat(first).hasSize(43).isNotEqualTo(second).isNotEqualTo("A".repeat(43));
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
