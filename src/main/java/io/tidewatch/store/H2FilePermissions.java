package io.tidewatch.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps an embedded H2 database owner-only, like {@code data/fingerprint.salt}: its directory is
 * created 0700 and the database file 0600 before H2 opens it (H2 would create it with the umask,
 * usually world-readable), and every file of the database is set to 0600 once it is open. An existing
 * directory is never changed (it may be shared); a warning says when others can read it.
 */
final class H2FilePermissions {
    private static final Logger log = LoggerFactory.getLogger(H2FilePermissions.class);
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private H2FilePermissions() {}

    /** The database's base path ({@code ./data/tidewatch} for {@code jdbc:h2:file:./data/tidewatch;…}); empty when not an H2 file. */
    static Optional<Path> basePath(String url) {
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) return Optional.empty();
        String rest = url.substring("jdbc:h2:".length());
        int semicolon = rest.indexOf(';');
        if (semicolon >= 0) rest = rest.substring(0, semicolon);
        if (rest.toLowerCase(Locale.ROOT).startsWith("file:")) rest = rest.substring("file:".length());
        int colon = rest.indexOf(':');
        // mem:, tcp:, ssl:, zip:, nio:… are not plain files here (a Windows drive letter is)
        if (colon > 1 && !rest.startsWith("/") && !rest.startsWith("./") && !rest.startsWith("~")) return Optional.empty();
        if (rest.isBlank()) return Optional.empty();
        if (rest.startsWith("~")) rest = System.getProperty("user.home") + rest.substring(1);
        return Optional.of(Path.of(rest).toAbsolutePath().normalize());
    }

    /** Before H2 opens it: the directory (0700 if new) and an empty database file (0600) H2 will fill. */
    static void beforeOpen(Path base) {
        Path dir = base.getParent();
        try {
            if (!Files.exists(dir)) {
                createOwnerOnly(dir);
            } else if (posix(dir) && !Files.getPosixFilePermissions(dir).stream().allMatch(p -> p.name().startsWith("OWNER"))) {
                log.warn("database directory {} can be read by other users; `chmod 700` it", dir);
            }
            Path file = Path.of(base + ".mv.db");
            if (!Files.exists(file) && posix(dir)) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
                } catch (FileAlreadyExistsException raced) {
                    // another instance created it first: afterOpen tightens it
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system, or no rights: H2 reports what matters when it opens the file
            log.debug("database directory {}: {}", dir, e.toString());
        }
    }

    /** After H2 opened it: every file of this database (data, lock, trace) owner-only. */
    static void afterOpen(Path base) {
        Path dir = base.getParent();
        String prefix = base.getFileName() + ".";
        if (!posix(dir)) return;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, f -> f.getFileName().toString().startsWith(prefix))) {
            for (Path f : files) {
                if (Files.isRegularFile(f)) Files.setPosixFilePermissions(f, OWNER_FILE);
            }
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("database files {}*: could not make them owner-only: {}", base, e.toString());
        }
    }

    private static void createOwnerOnly(Path dir) throws IOException {
        Path parent = dir.getParent();
        if (parent != null && !Files.exists(parent)) Files.createDirectories(parent);
        if (posix(parent == null ? dir : parent)) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            Files.setPosixFilePermissions(dir, OWNER_DIR); // the umask may have taken bits away, never added: make it exact
        } else {
            Files.createDirectory(dir);
        }
    }

    private static boolean posix(Path p) {
        return p != null && Files.exists(p) && p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
