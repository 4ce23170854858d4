package nl.afsprakenwiki.markdown;

import nl.afsprakenwiki.markdown.MarkdownRenderer.LinkedFile;
import nl.afsprakenwiki.text.FilesInPlace;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import org.owasp.html.PolicyFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A file of revisions' HTML rendered ahead of the views: per revision id, the key of the text it was
 * rendered from and the HTML, deflated, read through a memory map (no heap, and it outlives a
 * restart). Written once, front to back, then renamed into place; read only.
 *
 * <p>An entry serves only the text it was rendered from: {@link #get} is given the text a view
 * renders and compares its {@link #key}, so a revision whose stored text changed since (a redaction)
 * is rendered again, never shown from here. Which code rendered the file is its stamp; a file of
 * another stamp is not used at all.
 *
 * <p>Layout: a magic number and the format, the stamp, then the entries (per entry: the HTML's length
 * in bytes, the deflated length, the deflated bytes), then the index (revision ids ascending, each
 * with its text's key and its entry's offset), and last the number of entries and where the index
 * starts. Anything that does not read back as that is refused as a whole.
 */
public final class RenderedFile {

    static final int MAGIC = 0x41575232; // "AWR2"
    /** Raise when the layout or what an entry means changes: files of another format are not read. */
    static final int FORMAT = 1;
    static final int TRAILER = Integer.BYTES + Long.BYTES;
    static final int ENTRY = 3 * Long.BYTES;
    /** The largest entry accepted, deflated or not: far above any revision's HTML. */
    static final int MAX_ENTRY = 64 << 20;

    /** A file's contents that could not be read back as written. */
    public static final class Unreadable extends IOException {
        Unreadable(String message) {
            super(message);
        }
    }

    private final String stamp;
    private final ByteBuffer map;
    private final int count;
    private final int indexStart;
    private final LongAdder stale = new LongAdder();

    private RenderedFile(String stamp, ByteBuffer map, int count, int indexStart) {
        this.stamp = stamp;
        this.map = map;
        this.count = count;
        this.indexStart = indexStart;
    }

    /** The code that rendered these entries (see {@code RenderedAhead}). */
    public String stamp() {
        return stamp;
    }

    /** How many revisions have HTML here. */
    public int size() {
        return count;
    }

    /** Whether revision {@code revisionId} has HTML here, of whatever text. */
    public boolean contains(long revisionId) {
        return find(revisionId) >= 0;
    }

    /** Whether revision {@code revisionId} has HTML here, of the text with {@code key}. */
    public boolean has(long revisionId, long key) {
        int at = find(revisionId);
        return at >= 0 && map.getLong(indexStart + at * ENTRY + Long.BYTES) == key;
    }

    /** How many views found an entry of another text than theirs (a redacted revision) since this file was opened. */
    public long stale() {
        return stale.sum();
    }

    /**
     * The HTML of revision {@code revisionId} rendered from the text with {@code key}; null when this
     * file has none for it, or has one of another text.
     */
    String get(long revisionId, long key) {
        int at = find(revisionId);
        if (at < 0) {
            return null;
        }
        if (map.getLong(indexStart + at * ENTRY + Long.BYTES) != key) {
            stale.increment();
            return null;
        }
        ByteBuffer in = map.duplicate().position((int) map.getLong(indexStart + at * ENTRY + 2 * Long.BYTES));
        int raw = in.getInt();
        int packed = in.getInt();
        // a byte more than the HTML: the stream's end (and its checksum) is read, never more than the HTML
        byte[] html = new byte[raw + 1];
        Inflater inflater = Inflaters.take();
        try {
            inflater.setInput(in.limit(in.position() + packed));
            int done = 0;
            while (done <= raw && !inflater.finished()) {
                int n = inflater.inflate(html, done, raw + 1 - done);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                done += n;
            }
            if (done != raw || !inflater.finished()) {
                return null;
            }
        } catch (DataFormatException e) {
            // a damaged entry (its checksum does not hold): rendered again
            return null;
        } finally {
            Inflaters.giveBack(inflater);
        }
        return new String(html, 0, raw, StandardCharsets.UTF_8);
    }

    private int find(long revisionId) {
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long at = map.getLong(indexStart + middle * ENTRY);
            if (at < revisionId) {
                low = middle + 1;
            } else if (at > revisionId) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    /**
     * What the HTML of {@code markdown} rendered with {@code files} depends on, as 64 bits of a
     * SHA-256: the text, and the files only when the text refers to them (as rendering does).
     */
    public static long key(String markdown, Map<String, LinkedFile> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String text = markdown == null ? "" : markdown;
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            if (text.contains(MarkdownRenderer.FILE_SCHEME)) {
                for (Map.Entry<String, LinkedFile> file : new TreeMap<>(files).entrySet()) {
                    sha.update((byte) 0);
                    sha.update((file.getKey() + '\n' + file.getValue().url() + '\n' + file.getValue().image())
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the HTML depends on besides each text: this format and the code that renders. Where that
     * code comes from one file (the packaged jar) that file's SHA-256, so every build renders anew;
     * where it comes from class folders (development, tests) the renderer's classes and the names and
     * sizes of the libraries' jars. Reads the jar once: a fraction of a second.
     */
    public static String codeStamp() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("format " + FORMAT).getBytes(StandardCharsets.UTF_8));
            Set<Path> seen = new TreeSet<>();
            for (Class<?> code : List.of(MarkdownRenderer.class, Parser.class, HtmlRenderer.class, TablesExtension.class,
                    PolicyFactory.class)) {
                Path source = Path.of(code.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (!seen.add(source)) {
                    continue;
                }
                sha.update(source.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                if (Files.isDirectory(source)) {
                    Path own = source.resolve(MarkdownRenderer.class.getPackageName().replace('.', '/'));
                    try (Stream<Path> files = Files.walk(own)) {
                        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                            sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                            sha.update(Files.readAllBytes(file));
                        }
                    }
                } else if (code == MarkdownRenderer.class) {
                    try (InputStream in = Files.newInputStream(source)) {
                        byte[] buffer = new byte[1 << 16];
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            sha.update(buffer, 0, n);
                        }
                    }
                } else {
                    sha.update(Long.toString(Files.size(source)).getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | URISyntaxException | IOException | RuntimeException e) {
            throw new IllegalStateException("the renderer's code cannot be told: " + e, e);
        }
    }

    /** Opens the file at {@code path}: {@link Unreadable} when it is not a whole file of this format. */
    public static RenderedFile open(Path path) throws IOException {
        MappedByteBuffer map = FilesInPlace.map(path);
        if (map == null) {
            throw new Unreadable("too large: " + Files.size(path) + " bytes");
        }
        try {
            if (map.getInt() != MAGIC || map.getInt() != FORMAT) {
                throw new Unreadable("not a file of rendered HTML of format " + FORMAT);
            }
            int stampLength = map.getInt();
            if (stampLength < 0 || stampLength > map.remaining()) {
                throw new Unreadable("its stamp does not fit the file");
            }
            byte[] stamp = new byte[stampLength];
            map.get(stamp);
            int entriesStart = map.position();
            int end = map.limit();
            int count = map.getInt(end - TRAILER);
            long indexStart = map.getLong(end - Long.BYTES);
            if (count < 0 || indexStart < entriesStart || indexStart + (long) count * ENTRY != end - TRAILER) {
                throw new Unreadable("its index does not fit the file");
            }
            RenderedFile file = new RenderedFile(new String(stamp, StandardCharsets.UTF_8), map, count, (int) indexStart);
            file.check(entriesStart);
            return file;
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new Unreadable("cut short or damaged: " + e);
        }
    }

    /** Every entry's place checked once: ids ascending, each entry within the entries. */
    private void check(int entriesStart) throws Unreadable {
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            long id = map.getLong(indexStart + i * ENTRY);
            long offset = map.getLong(indexStart + i * ENTRY + 2 * Long.BYTES);
            if (id <= previous || offset < entriesStart || offset + 2L * Integer.BYTES > indexStart) {
                throw new Unreadable("its index is out of order");
            }
            previous = id;
            int raw = map.getInt((int) offset);
            int packed = map.getInt((int) offset + Integer.BYTES);
            if (raw < 0 || raw > MAX_ENTRY || packed < 0 || offset + 2L * Integer.BYTES + packed > indexStart) {
                throw new Unreadable("an entry of " + raw + " bytes, " + packed + " deflated");
            }
        }
    }

    /**
     * Copies revision {@code revisionId}'s entry as it is into {@code writer} when it was rendered from
     * the text with {@code key}; false when there is none of that text.
     */
    public boolean copyTo(RenderedWriter writer, long revisionId, long key) throws IOException {
        int at = find(revisionId);
        if (at < 0 || map.getLong(indexStart + at * ENTRY + Long.BYTES) != key) {
            return false;
        }
        ByteBuffer in = map.duplicate().position((int) map.getLong(indexStart + at * ENTRY + 2 * Long.BYTES));
        int raw = in.getInt();
        byte[] packed = new byte[in.getInt()];
        in.get(packed);
        writer.addPacked(revisionId, key, raw, packed);
        return true;
    }
}
