package nl.afsprakenwiki.markdown;

import nl.afsprakenwiki.markdown.MarkdownRenderer.LinkedFile;
import nl.afsprakenwiki.text.IndexedFile;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import org.owasp.html.PolicyFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
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
 * <p>Layout: an {@link IndexedFile} by revision id, no header of its own, each index row with the key
 * of the text its entry was rendered from, each entry the HTML's length in bytes, the deflated length
 * and the deflated bytes. Anything that does not read back as that is refused as a whole.
 */
public final class RenderedFile {

    static final int MAGIC = 0x41575232; // "AWR2"
    /** Raise when the layout or what an entry means changes: files of another format are not read. */
    static final int FORMAT = 1;
    /** The largest entry accepted, deflated or not: far above any revision's HTML. */
    static final int MAX_ENTRY = 64 << 20;

    private final IndexedFile file;
    private final LongAdder stale = new LongAdder();

    private RenderedFile(IndexedFile file) {
        this.file = file;
    }

    /** The code that rendered these entries (see {@code RenderedAhead}). */
    public String stamp() {
        return file.stamp();
    }

    /** How many revisions have HTML here. */
    public int size() {
        return file.size();
    }

    /** Whether revision {@code revisionId} has HTML here, of whatever text. */
    public boolean contains(long revisionId) {
        return file.find(revisionId) >= 0;
    }

    /** Whether revision {@code revisionId} has HTML here, of the text with {@code key}. */
    public boolean has(long revisionId, long key) {
        int row = file.find(revisionId);
        return row >= 0 && file.value(row, 0) == key;
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
        int row = file.find(revisionId);
        if (row < 0) {
            return null;
        }
        if (file.value(row, 0) != key) {
            stale.increment();
            return null;
        }
        ByteBuffer in = file.entry(row);
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

    /** Opens the file at {@code path}: {@link IndexedFile.Unreadable} when it is not a whole file of this format. */
    public static RenderedFile open(Path path) throws IOException {
        IndexedFile file = IndexedFile.open(path, MAGIC, FORMAT, 0, 1, "file of rendered HTML");
        file.checkEntries(in -> {
            int raw = in.getInt();
            int packed = in.getInt();
            if (raw < 0 || raw > MAX_ENTRY || packed < 0 || packed > in.remaining()) {
                throw new IndexedFile.Unreadable("an entry of " + raw + " bytes, " + packed + " deflated");
            }
        });
        return new RenderedFile(file);
    }

    /**
     * Copies revision {@code revisionId}'s entry as it is into {@code writer} when it was rendered from
     * the text with {@code key}; false when there is none of that text.
     */
    public boolean copyTo(RenderedWriter writer, long revisionId, long key) throws IOException {
        int row = file.find(revisionId);
        if (row < 0 || file.value(row, 0) != key) {
            return false;
        }
        ByteBuffer in = file.entry(row);
        int raw = in.getInt();
        byte[] packed = new byte[in.getInt()];
        in.get(packed);
        writer.addPacked(revisionId, key, raw, packed);
        return true;
    }
}
