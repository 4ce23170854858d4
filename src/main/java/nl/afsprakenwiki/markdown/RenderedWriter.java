package nl.afsprakenwiki.markdown;

import nl.afsprakenwiki.text.IndexedFileWriter;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.Deflater;

import static nl.afsprakenwiki.markdown.RenderedFile.FORMAT;
import static nl.afsprakenwiki.markdown.RenderedFile.MAGIC;
import static nl.afsprakenwiki.markdown.RenderedFile.MAX_ENTRY;

/** Writes a {@link RenderedFile}: entries into a new file, then puts it in place whole. */
public final class RenderedWriter implements AutoCloseable {

    private final IndexedFileWriter file;
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    private final byte[] buffer = new byte[1 << 16];

    public RenderedWriter(Path target, String stamp) throws IOException {
        this.file = new IndexedFileWriter(target, MAGIC, FORMAT, stamp, 1, "revision");
    }

    /** How many entries were added. */
    public int size() {
        return file.size();
    }

    /**
     * Adds revision {@code revisionId}'s {@code html}, rendered from the text with {@code key}; ids
     * come in any order, each once. False (nothing added) when the file would grow beyond what one
     * memory map reads.
     */
    public boolean add(long revisionId, long key, String html) throws IOException {
        byte[] raw = html.getBytes(StandardCharsets.UTF_8);
        deflater.reset();
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream packed = new ByteArrayOutputStream(raw.length / 3 + 64);
        while (!deflater.finished()) {
            packed.write(buffer, 0, deflater.deflate(buffer));
        }
        return addPacked(revisionId, key, raw.length, packed.toByteArray());
    }

    boolean addPacked(long revisionId, long key, int raw, byte[] packed) throws IOException {
        if (raw > MAX_ENTRY || packed.length > MAX_ENTRY || !file.fits(2L * Integer.BYTES + packed.length)) {
            return false;
        }
        file.entry(revisionId, key);
        DataOutputStream out = file.out();
        out.writeInt(raw);
        out.writeInt(packed.length);
        out.write(packed);
        return true;
    }

    /** Writes the index, forces the file to disk and renames it to its name. */
    public void finish() throws IOException {
        file.finish();
    }

    /** Without {@link #finish}: the unfinished file is removed. */
    @Override
    public void close() throws IOException {
        deflater.end();
        file.close();
    }
}
