package dev.jeeves.api.credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only their owner can read ({@code rw-------}) from the moment they exist: the admin credentials, the
 * token-signing key, the CLI's cached token.
 *
 * <pre>{@code
 * OwnerOnlyFiles.write(dataDir.resolve("cli-token.json"), json);
 * }</pre>
 */
public final class OwnerOnlyFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final System.Logger LOG = System.getLogger(OwnerOnlyFiles.class.getName());

    private OwnerOnlyFiles() {}

    /**
     * Writes the text to the file, replacing it atomically: a reader sees the old or the new content, and the file
     * is never readable by others, not even for an instant.
     *
     * @throws UncheckedIOException when it cannot be written
     */
    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            if (isPosix()) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(temporary);
            }
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Reads a secret file as it is, with a warning naming it when others may read it too. Its mode is the owner's to
     * set: an operator may provision it read-only (a Kubernetes Secret is a read-only mount, {@code rw-r--r--} by
     * default), and changing it first stopped start-up there.
     *
     * @throws UncheckedIOException when it cannot be read
     */
    public static String read(Path file) {
        try {
            if (isPosix()) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (!OWNER_ONLY.containsAll(permissions)) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "{0} is readable by others ({1}): chmod 600 it unless that is intended",
                            file,
                            PosixFilePermissions.toString(permissions));
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
