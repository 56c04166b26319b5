package dev.jeeves.server.storage;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The data directory, readable by its owner only: it holds the embedded database (the token-signing private keys,
 * the admin client) and {@code credentials.json}. A directory Jeeves creates is {@code rwx------} and the database
 * files it creates there {@code rw-------}; a directory or file an operator made wider is left as it is, with a
 * warning that names it (the operator may share it on purpose, but should know).
 */
final class DataDirectory {
    private static final Logger LOG = Logger.getLogger(DataDirectory.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private final Path directory;
    private final List<Path> filesBefore;

    private DataDirectory(Path directory, List<Path> filesBefore) {
        this.directory = directory;
        this.filesBefore = filesBefore;
    }

    /** Creates the directory owner-only if missing, or warns when an existing one is open to others. */
    static DataDirectory prepare(Path directory) {
        try {
            if (Files.isDirectory(directory)) {
                warnIfShared(directory);
            } else {
                Path parent = directory.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                if (isPosix()) {
                    Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
                } else {
                    Files.createDirectory(directory);
                }
            }
            return new DataDirectory(directory, files(directory));
        } catch (IOException e) {
            throw new StorageException("cannot create the data directory " + directory, e);
        }
    }

    /** Makes the files that appeared since {@link #prepare} owner-only, and warns about older ones open to others. */
    void restrictFilesCreatedSinceOpening() {
        if (!isPosix()) {
            return;
        }
        try {
            for (Path file : files(directory)) {
                if (filesBefore.contains(file)) {
                    warnIfShared(file);
                } else {
                    Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
                }
            }
        } catch (IOException e) {
            throw new StorageException("cannot restrict the files in the data directory " + directory, e);
        }
    }

    private static void warnIfShared(Path path) throws IOException {
        if (!isPosix()) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        if (permissions.stream().anyMatch(OTHERS::contains)) {
            LOG.warning(() -> path + " is open to others (" + PosixFilePermissions.toString(permissions)
                    + "); it holds Jeeves' secrets: chmod go-rwx it unless that is intended");
        }
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile).toList();
        }
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
