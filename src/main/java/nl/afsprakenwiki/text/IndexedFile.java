package nl.afsprakenwiki.text;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A derived file of entries found by id, written once by {@link IndexedFileWriter} and then only
 * read, through one memory map (no heap, and it outlives a restart). What its entries hold is its
 * user's to read and check; this class reads and checks the frame.
 *
 * <p>Layout: a magic number and the format (ints), the stamp (its length in bytes as an int, then
 * UTF-8), a header of the user's of a fixed size, the entries, then the index (one row per entry in
 * ascending id order: the id, the row's other numbers, the entry's offset, all longs), and last the
 * number of entries (an int) and where the index starts (a long). A file that does not read back as
 * that is refused as a whole ({@link Unreadable}).
 */
public final class IndexedFile {

    /** The number of entries and where the index starts. */
    static final int TRAILER = Integer.BYTES + Long.BYTES;

    /** A file's contents that could not be read back as written. */
    public static final class Unreadable extends IOException {
        public Unreadable(String message) {
            super(message);
        }
    }

    /** Checks one entry's content, at its start and limited at the index; refuses it with {@link Unreadable}. */
    @FunctionalInterface
    public interface EntryCheck {
        void check(ByteBuffer entry) throws Unreadable;
    }

    private final String stamp;
    private final ByteBuffer map;
    private final int headerStart;
    private final int extras;
    private final int count;
    private final int indexStart;

    private IndexedFile(String stamp, ByteBuffer map, int headerStart, int extras, int count, int indexStart) {
        this.stamp = stamp;
        this.map = map;
        this.headerStart = headerStart;
        this.extras = extras;
        this.count = count;
        this.indexStart = indexStart;
    }

    static int rowBytes(int extras) {
        return (extras + 2) * Long.BYTES;
    }

    /**
     * Opens the file at {@code path} as written with {@code magic}, {@code format}, a header of
     * {@code header} bytes and rows of {@code extras} numbers besides id and offset: refused when it
     * is not (named {@code what} in the message), or when its index is out of order or points outside
     * the entries. Its user then reads its header and has every entry checked ({@link #checkEntries}).
     */
    public static IndexedFile open(Path path, int magic, int format, int header, int extras, String what)
            throws IOException {
        MappedByteBuffer map = FilesInPlace.map(path);
        if (map == null) {
            throw new Unreadable("too large: " + Files.size(path) + " bytes");
        }
        IndexedFile file = readFrame(map, magic, format, header, extras, what);
        file.checkRows(header);
        return file;
    }

    private static IndexedFile readFrame(ByteBuffer map, int magic, int format, int header, int extras, String what)
            throws Unreadable {
        try {
            if (map.getInt() != magic || map.getInt() != format) {
                throw new Unreadable("not a " + what + " of format " + format);
            }
            int stampLength = map.getInt();
            if (stampLength < 0 || stampLength > map.remaining()) {
                throw new Unreadable("its stamp does not fit the file");
            }
            byte[] stamp = new byte[stampLength];
            map.get(stamp);
            int headerStart = map.position();
            int end = map.limit();
            int count = map.getInt(end - TRAILER);
            long indexStart = map.getLong(end - Long.BYTES);
            if (count < 0 || indexStart < (long) headerStart + header
                    || indexStart + (long) count * rowBytes(extras) != end - TRAILER) {
                throw new Unreadable("its index does not fit the file");
            }
            return new IndexedFile(new String(stamp, StandardCharsets.UTF_8), map, headerStart, extras, count,
                    (int) indexStart);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new Unreadable("cut short or damaged: " + e);
        }
    }

    /** Every row read once: ids ascending, each offset within the entries. */
    private void checkRows(int header) throws Unreadable {
        long previous = Long.MIN_VALUE;
        for (int row = 0; row < count; row++) {
            long id = id(row);
            long offset = offset(row);
            if (id <= previous || offset < headerStart + header || offset >= indexStart) {
                throw new Unreadable("its index is out of order");
            }
            previous = id;
        }
    }

    /** Gives every entry to {@code check}; what reads beyond the file or is out of range refuses it too. */
    public void checkEntries(EntryCheck check) throws Unreadable {
        for (int row = 0; row < count; row++) {
            try {
                check.check(entry(row));
            } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
                throw new Unreadable("cut short or damaged: " + e);
            }
        }
    }

    /** What the file was written for (which state of which data, which code). */
    public String stamp() {
        return stamp;
    }

    /** The user's header, after the stamp: a view of its own. */
    public ByteBuffer header() {
        return map.duplicate().position(headerStart);
    }

    /** How many entries the file has. */
    public int size() {
        return count;
    }

    /** The row of the entry of {@code id}, or -1 when there is none. */
    public int find(long id) {
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long at = id(middle);
            if (at < id) {
                low = middle + 1;
            } else if (at > id) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    private long id(int row) {
        return map.getLong(indexStart + row * rowBytes(extras));
    }

    /** Number {@code column} (from 0) of {@code row}'s numbers besides its id. */
    public long value(int row, int column) {
        if (column < 0 || column >= extras) {
            throw new IndexOutOfBoundsException("column " + column + " of " + extras);
        }
        return map.getLong(indexStart + row * rowBytes(extras) + (column + 1) * Long.BYTES);
    }

    /** The content of {@code row}'s entry: a view of its own, at its start, limited at the index. */
    public ByteBuffer entry(int row) {
        return map.duplicate().position((int) offset(row)).limit(indexStart);
    }

    /** Where {@code row}'s entry starts: the last number of its row. */
    private long offset(int row) {
        return map.getLong(indexStart + row * rowBytes(extras) + (extras + 1) * Long.BYTES);
    }
}
