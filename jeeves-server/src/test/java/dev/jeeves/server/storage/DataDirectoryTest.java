package dev.jeeves.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory holds the signing keys: what Jeeves creates there is its owner's only, and what an operator put
 * there before is left as they chose, with a warning when others can read it.
 */
class DataDirectoryTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord logRecord) {
            warnings.add(logRecord.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final Logger logger = Logger.getLogger(DataDirectory.class.getName());

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
    }

    static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    static Path create(Path path, String mode) throws Exception {
        return Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
    }

    @Test
    void createsAMissingDirectoryAndItsParents() throws Exception {
        Path data = dir.resolve("var/lib/jeeves");
        DataDirectory.prepare(data);
        assertThat(mode(data)).isEqualTo("rwx------");
    }

    @Test
    void restrictsTheFilesThatAppearedSinceItWasOpened() throws Exception {
        DataDirectory data = DataDirectory.prepare(dir);
        Path keys = create(dir.resolve("jeeves.mv.db"), "rw-r--r--");
        data.restrictFilesCreatedSinceOpening();
        assertThat(mode(keys)).isEqualTo("rw-------");
        assertThat(warnings).isEmpty();
    }

    @Test
    void leavesAFileThatWasThereBeforeAsItWasAndWarnsWhenOthersCanReadIt() throws Exception {
        Path backup = create(dir.resolve("backup.sql"), "rw-r--r--");
        DataDirectory data = DataDirectory.prepare(dir);
        data.restrictFilesCreatedSinceOpening();
        assertThat(mode(backup)).isEqualTo("rw-r--r--");
        assertThat(warnings).singleElement().asString().startsWith(backup + " is open to others (rw-r--r--)");
    }

    @Test
    void leavesADirectoryInsideItAlone() throws Exception {
        DataDirectory data = DataDirectory.prepare(dir);
        Path backups = Files.createDirectory(dir.resolve("backups"));
        String before = mode(backups);
        data.restrictFilesCreatedSinceOpening();
        assertThat(mode(backups))
                .as("a directory made 0600 could not be entered")
                .isEqualTo(before);
    }
}
