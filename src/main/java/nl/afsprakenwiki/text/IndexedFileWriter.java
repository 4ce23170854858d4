package nl.afsprakenwiki.text;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes an {@link IndexedFile}: its header, then the entries one after another into a temporary
 * file next to the target; {@link #finish} adds the index and puts the file in place whole, and a
 * writer closed without it removes the unfinished file. What an entry holds is its user's to write
 * ({@link #out}); this class keeps where each one starts.
 */
public final class IndexedFileWriter implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private final Counting counting;
    private final DataOutputStream out;
    private final int extras;
    private final String what;
    private long[] rows;
    private int count;
    private boolean done;

    /**
     * Starts the file: {@code magic}, {@code format} and {@code stamp} as {@link IndexedFile} reads
     * them. Each entry's index row carries {@code extras} numbers besides its id ({@link #entry});
     * {@code what} names an id in the message about one written twice ("revision").
     */
    public IndexedFileWriter(Path target, int magic, int format, String stamp, int extras, String what) throws IOException {
        if (extras < 0) {
            throw new IllegalArgumentException("extras " + extras);
        }
        this.target = target;
        this.extras = extras;
        this.what = what;
        this.rows = new long[1024 * (extras + 2)];
        this.temporary = target.resolveSibling(target.getFileName() + ".tmp");
        this.counting = new Counting(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16));
        this.out = new DataOutputStream(counting);
        byte[] bytes = stamp.getBytes(StandardCharsets.UTF_8);
        out.writeInt(magic);
        out.writeInt(format);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Where the file's own header (after the stamp) and then the entries are written. */
    public DataOutputStream out() {
        return out;
    }

    /** How many bytes were written so far. */
    public long position() {
        return counting.written;
    }

    /** How many entries were begun. */
    public int size() {
        return count;
    }

    /** Whether one more entry of {@code bytes} still leaves the whole file readable through one memory map. */
    public boolean fits(long bytes) {
        return position() + bytes + (count + 1L) * IndexedFile.rowBytes(extras) + IndexedFile.TRAILER <= Integer.MAX_VALUE;
    }

    /**
     * Begins the entry of {@code id} here (what is written next is its content), with {@code values}
     * ({@code extras} of them) in its index row; ids come in any order, each once.
     */
    public void entry(long id, long... values) {
        if (values.length != extras) {
            throw new IllegalArgumentException(values.length + " values for a row of " + extras);
        }
        int stride = extras + 2;
        if ((count + 1) * stride > rows.length) {
            rows = Arrays.copyOf(rows, rows.length * 2);
        }
        int at = count * stride;
        rows[at] = id;
        System.arraycopy(values, 0, rows, at + 1, extras);
        rows[at + stride - 1] = position();
        count++;
    }

    /** Writes the index in id order, forces the file to disk and renames it to its name. */
    public void finish() throws IOException {
        int stride = extras + 2;
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = rows[i * stride];
        }
        Integer[] order = FilesInPlace.ascending(ids, count, what);
        long indexStart = position();
        for (int i = 0; i < count; i++) {
            int at = order[i] * stride;
            for (int j = 0; j < stride; j++) {
                out.writeLong(rows[at + j]);
            }
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
        if (!done) {
            try {
                out.close();
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** Counts what passes through (a long: {@link DataOutputStream#size} stops at 2 GB). */
    private static final class Counting extends FilterOutputStream {
        private long written;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            written++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            written += length;
        }
    }
}
