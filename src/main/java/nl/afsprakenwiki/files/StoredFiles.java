package nl.afsprakenwiki.files;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.Dialect;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Attachment files, stored by the SHA-256 of their content under {@code <data>/attachments/ab/cdef…}.
 * A file is received into a temporary file, checked, and only then moved into place (flushed to disk
 * first, moved atomically), so a stored name always holds exactly its content. Files are never deleted:
 * revisions are append-only and may refer to a file for ever, and the same content is stored once.
 */
public final class StoredFiles {

    /** The folder under the data directory. */
    public static final String FOLDER = "attachments";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    /** On PostgreSQL, the database that holds every file for all instances (null on SQLite). */
    private final Database shared;

    /** Files in the data directory only (SQLite, and the backup command). */
    public StoredFiles(Path dataDir) {
        this(dataDir, null);
    }

    /**
     * Files for the wiki on {@code db}: on PostgreSQL each kept file is also written to the database
     * ({@code stored_file}), and a file this instance does not have yet is fetched from there when asked
     * for - so instances that share the database share the files. The data directory keeps a copy of
     * each; by content, so a copy is never out of date.
     */
    public StoredFiles(Path dataDir, Database db) {
        this.root = dataDir.resolve(FOLDER);
        this.shared = db != null && db.dialect() == Dialect.POSTGRESQL ? db : null;
    }

    /** A file read into a temporary place: its hash, size and whether it was cut off at the limit. */
    public record Received(Path temporary, String sha256, long size, boolean tooLarge) {
    }

    /**
     * Reads {@code content} into a temporary file, hashing it on the way; reads at most
     * {@code maxBytes + 1} bytes, so a larger file is known to be too large without storing it all.
     * The caller keeps it ({@link #keep}) or discards it ({@link #discard}).
     */
    public Received receive(InputStream content, long maxBytes) {
        try {
            Files.createDirectories(temporaryFolder());
            Path temporary = Files.createTempFile(temporaryFolder(), "upload-", ".tmp");
            MessageDigest digest = sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
                size = copy(content, out, maxBytes + 1);
            }
            return new Received(temporary, HexFormat.of().formatHex(digest.digest()), size, size > maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot receive an attachment", e);
        }
    }

    /**
     * Moves a received file to its place (if the same content is not stored already); on PostgreSQL also
     * into the database, in the write transaction this runs in (or one of its own).
     */
    public void keep(Received received) {
        if (shared != null) {
            share(received);
        }
        Path target = path(received.sha256());
        try {
            if (Files.exists(target)) {
                discard(received);
                return;
            }
            Files.createDirectories(target.getParent());
            try (FileChannel channel = FileChannel.open(received.temporary(), StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(received.temporary(), target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(received.temporary(), target);
            }
        } catch (FileAlreadyExistsException e) {
            discard(received);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store an attachment", e);
        }
    }

    public void discard(Received received) {
        try {
            Files.deleteIfExists(received.temporary());
        } catch (IOException e) {
            // a left-over temporary file is harmless; the next start may find it
        }
    }

    /** Stores a file that is already at hand (an import, a copy), by its content; returns its hash. */
    public Received store(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Received received = receive(in, Long.MAX_VALUE - 1);
            keep(received);
            return received;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The SHA-256 (hex) of a file's content. */
    public static String sha256(Path file) {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Where the file with this hash is (or would be). */
    public Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
    }

    /** The stored file with this hash, if it is there (on PostgreSQL fetched from the database when needed). */
    public Optional<Path> find(String sha256) {
        Path path = path(sha256);
        if (Files.isRegularFile(path)) {
            return Optional.of(path);
        }
        return shared == null ? Optional.empty() : fetch(sha256, path);
    }

    private void share(Received received) {
        try {
            byte[] content = Files.readAllBytes(received.temporary());
            shared.write(handle -> handle.createUpdate("""
                            INSERT INTO stored_file (sha256, size, content, stored_at) VALUES (:sha256, :size, :content, :at)
                            ON CONFLICT (sha256) DO NOTHING""")
                    .bind("sha256", received.sha256()).bind("size", (long) content.length).bind("content", content)
                    .bind("at", java.time.Instant.now()).execute());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store an attachment", e);
        }
    }

    /** Copies the file from the database into this instance's data directory, checking its hash on the way. */
    private Optional<Path> fetch(String sha256, Path target) {
        Optional<byte[]> content = shared.read(handle -> handle.createQuery("SELECT content FROM stored_file WHERE sha256 = :s")
                .bind("s", sha256).mapTo(byte[].class).findOne());
        if (content.isEmpty()) {
            return Optional.empty();
        }
        Received received = receive(new java.io.ByteArrayInputStream(content.get()), Long.MAX_VALUE - 1);
        if (!received.sha256().equals(sha256)) {
            discard(received);
            throw new IllegalStateException("the stored file " + sha256 + " in the database does not match its hash");
        }
        try {
            Files.createDirectories(target.getParent());
            Files.move(received.temporary(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            discard(received);
        } catch (IOException e) {
            discard(received);
            throw new UncheckedIOException("cannot keep a copy of an attachment", e);
        }
        return Optional.of(target);
    }

    /**
     * Copies every stored file to {@code target} in the same layout ({@code ab/cdef…}); for backup.
     * Files are only ever added, so copying after the database snapshot includes all it refers to.
     */
    public int copyAllTo(Path target) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int copied = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path relative = root.relativize(file);
                if (relative.getNameCount() != 2 || relative.getName(0).toString().equals("tmp")) {
                    continue;
                }
                Path copy = target.resolve(relative.toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
                copied++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the attachments to " + target, e);
        }
        return copied;
    }

    private Path temporaryFolder() {
        return root.resolve("tmp");
    }

    private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while (total < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) > 0) {
            out.write(buffer, 0, read);
            total += read;
        }
        return total;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
