package nl.afsprakenwiki.markdown;

import nl.afsprakenwiki.text.FilesInPlace;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;

import static nl.afsprakenwiki.markdown.RenderedFile.ENTRY;
import static nl.afsprakenwiki.markdown.RenderedFile.FORMAT;
import static nl.afsprakenwiki.markdown.RenderedFile.MAGIC;
import static nl.afsprakenwiki.markdown.RenderedFile.MAX_ENTRY;
import static nl.afsprakenwiki.markdown.RenderedFile.TRAILER;

/** Writes a {@link RenderedFile}: entries into a new file, then puts it in place whole. */
public final class RenderedWriter implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private final DataOutputStream out;
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    private final byte[] buffer = new byte[1 << 16];
    private long position;
    private long[] ids = new long[1024];
    private long[] keys = new long[1024];
    private long[] offsets = new long[1024];
    private int count;
    private boolean done;

    public RenderedWriter(Path target, String stamp) throws IOException {
        this.target = target;
        this.temporary = target.resolveSibling(target.getFileName() + ".tmp");
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16));
        byte[] bytes = stamp.getBytes(StandardCharsets.UTF_8);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(bytes.length);
        out.write(bytes);
        position = 3L * Integer.BYTES + bytes.length;
    }

    /** How many entries were added. */
    public int size() {
        return count;
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
        if (raw > MAX_ENTRY || packed.length > MAX_ENTRY
                || position + 2L * Integer.BYTES + packed.length + (count + 1L) * ENTRY + TRAILER > Integer.MAX_VALUE) {
            return false;
        }
        if (count == ids.length) {
            ids = Arrays.copyOf(ids, count * 2);
            keys = Arrays.copyOf(keys, count * 2);
            offsets = Arrays.copyOf(offsets, count * 2);
        }
        ids[count] = revisionId;
        keys[count] = key;
        offsets[count] = position;
        count++;
        out.writeInt(raw);
        out.writeInt(packed.length);
        out.write(packed);
        position += 2L * Integer.BYTES + packed.length;
        return true;
    }

    /** Writes the index, forces the file to disk and renames it to its name. */
    public void finish() throws IOException {
        Integer[] order = FilesInPlace.ascending(ids, count, "revision");
        long indexStart = position;
        for (int i = 0; i < count; i++) {
            out.writeLong(ids[order[i]]);
            out.writeLong(keys[order[i]]);
            out.writeLong(offsets[order[i]]);
        }
        out.writeInt(count);
        out.writeLong(indexStart);
        out.close();
        FilesInPlace.putInPlace(temporary, target);
        done = true;
    }

    /** Without {@link #finish}: the unfinished file is removed. */
    @Override
    public void close() throws IOException {
        deflater.end();
        if (!done) {
            try {
                out.close();
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
