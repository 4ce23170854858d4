package nl.afsprakenwiki.db;

import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * SQLite's native library, loaded from a copy kept in the data directory ({@value #FOLDER}/)
 * instead of a new one in the temporary directory. sqlite-jdbc writes the library (1.1 MB) to a new
 * temporary file on every start and then compares it with the original byte by byte through a
 * stream: 0.15 s on a quiet machine, 0.3-0.4 s amid a start-up's other work on two cores. The copy
 * here is written once, compared with the original in blocks on each start (milliseconds) and
 * replaced when it differs (another version of the driver); sqlite-jdbc is pointed at it with its own
 * documented settings {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name}, once per process
 * (the library is loaded once). Whatever goes wrong here - a driver without a library for this
 * platform, a data directory that cannot be written or is mounted noexec, settings given by the
 * operator - leaves sqlite-jdbc to find and load the library its own way, as before.
 */
final class SqliteLibrary {

    /** The data directory's folder for the copy. */
    static final String FOLDER = "sqlite-native";
    private static final int BLOCK = 64 * 1024;

    private static boolean prepared;

    private SqliteLibrary() {
    }

    /** Points sqlite-jdbc at a current copy of its library in {@code dataDir}; at most once per process. */
    static synchronized void prepare(Path dataDir) {
        if (dataDir == null || prepared || System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        prepared = true;
        String name = LibraryLoaderUtil.getNativeLibName();
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        Path folder = dataDir.resolve(FOLDER);
        try {
            if (!copied(resource, folder.resolve(name))) {
                return;
            }
            // loaded here first, so that a copy that cannot be loaded (a data directory mounted noexec)
            // leaves sqlite-jdbc its own way without the error it would log; its own load of the same
            // file in the same class loader is then nothing more than a look-up
            System.load(folder.resolve(name).toAbsolutePath().toString());
        } catch (IOException | UncheckedIOException | UnsatisfiedLinkError e) {
            return;
        }
        System.setProperty("org.sqlite.lib.path", folder.toAbsolutePath().toString());
        System.setProperty("org.sqlite.lib.name", name);
    }

    /** Whether {@code target} holds the driver's library (written now when it did not); false if the driver has none. */
    static boolean copied(String resource, Path target) throws IOException {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream original = SqliteLibrary.class.getClassLoader().getResourceAsStream(path)) {
            if (original == null) {
                return false;
            }
            byte[] library = original.readAllBytes();
            if (Files.isRegularFile(target) && sameBytes(target, library)) {
                return true;
            }
            Files.createDirectories(target.getParent());
            Path written = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".new");
            try {
                Files.write(written, library);
                Files.move(written, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(written);
            }
            return true;
        }
    }

    private static boolean sameBytes(Path file, byte[] expected) throws IOException {
        if (Files.size(file) != expected.length) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] block = new byte[BLOCK];
            for (int at = 0; at < expected.length; ) {
                int read = in.readNBytes(block, 0, Math.min(BLOCK, expected.length - at));
                if (read <= 0 || !Arrays.equals(block, 0, read, expected, at, at + read)) {
                    return false;
                }
                at += read;
            }
            return true;
        }
    }
}
