package nl.afsprakenwiki.search;

import nl.afsprakenwiki.search.SimilarAgreements.Similar;
import nl.afsprakenwiki.text.FilesInPlace;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A file of visitors' "vergelijkbare afspraken" lists: one list for every agreement of one state of
 * the public index (its {@link SimilarLists#stamp stamp}), read from a memory map, so they take no
 * heap and outlive a restart. Written once, front to back, then renamed into place; read only.
 *
 * <p>Layout: a magic number and the format, the stamp, then the lists (per list: the number of
 * agreements, and per agreement its id, title, municipality, koppelzone and status), then the index
 * (agreement ids in ascending order, each with its list's offset), and last the number of lists and
 * where the index starts. Anything that does not read back as that is refused as a whole.
 */
final class SimilarListFile {

    private static final int MAGIC = 0x41575331; // "AWS1"
    /** Raise when the layout or what a list means changes: files of another format are not read. */
    static final int FORMAT = 1;
    private static final int TRAILER = Integer.BYTES + Long.BYTES;
    private static final int ENTRY = Long.BYTES + Long.BYTES;

    /** A list file's contents that could not be read back as written. */
    static final class Unreadable extends IOException {
        Unreadable(String message) {
            super(message);
        }
    }

    private final String stamp;
    private final ByteBuffer map;
    private final int count;
    private final int indexStart;

    private SimilarListFile(String stamp, ByteBuffer map, int count, int indexStart) {
        this.stamp = stamp;
        this.map = map;
        this.count = count;
        this.indexStart = indexStart;
    }

    /** The state of the public index these lists were found in. */
    String stamp() {
        return stamp;
    }

    /** How many agreements have a list here. */
    int size() {
        return count;
    }

    /** The list of agreement {@code id}, or null when this file has none for it. */
    List<Similar> get(long id) {
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long at = map.getLong(indexStart + middle * ENTRY);
            if (at < id) {
                low = middle + 1;
            } else if (at > id) {
                high = middle - 1;
            } else {
                return list((int) map.getLong(indexStart + middle * ENTRY + Long.BYTES));
            }
        }
        return null;
    }

    private List<Similar> list(int offset) {
        ByteBuffer in = map.duplicate().position(offset);
        Similar[] list = new Similar[in.get()];
        for (int i = 0; i < list.length; i++) {
            list[i] = new Similar(in.getLong(), text(in), text(in), text(in), text(in));
        }
        return List.of(list);
    }

    private static String text(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        if (length > in.remaining()) {
            // a damaged length: never allocate what the file cannot hold
            throw new IllegalArgumentException("a length beyond the file: " + length);
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Opens the file at {@code path}: {@link Unreadable} when it is not a whole list file of this format. */
    static SimilarListFile open(Path path) throws IOException {
        MappedByteBuffer map = FilesInPlace.map(path);
        if (map == null) {
            throw new Unreadable("too large: " + Files.size(path) + " bytes");
        }
        try {
            if (map.getInt() != MAGIC || map.getInt() != FORMAT) {
                throw new Unreadable("not a list file of format " + FORMAT);
            }
            String stamp = text(map);
            int listsStart = map.position();
            int end = map.limit();
            int count = map.getInt(end - TRAILER);
            long indexStart = map.getLong(end - Long.BYTES);
            if (stamp == null || count < 0 || indexStart < listsStart || indexStart + (long) count * ENTRY != end - TRAILER) {
                throw new Unreadable("its index does not fit the file");
            }
            SimilarListFile file = new SimilarListFile(stamp, map, count, (int) indexStart);
            file.check(listsStart);
            return file;
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new Unreadable("cut short or damaged: " + e);
        }
    }

    /** Every list read once: ids ascending, offsets within the lists, each list whole. */
    private void check(int listsStart) throws Unreadable {
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            long id = map.getLong(indexStart + i * ENTRY);
            long offset = map.getLong(indexStart + i * ENTRY + Long.BYTES);
            if (id <= previous || offset < listsStart || offset >= indexStart) {
                throw new Unreadable("its index is out of order");
            }
            previous = id;
            ByteBuffer in = map.duplicate().position((int) offset).limit(indexStart);
            int size = in.get();
            if (size < 0) {
                throw new Unreadable("a list of " + size);
            }
            for (int j = 0; j < size; j++) {
                in.getLong();
                for (int field = 0; field < 4; field++) {
                    int length = in.getInt();
                    if (length > 0) {
                        in.position(in.position() + length);
                    }
                }
            }
        }
    }

    /** Writes lists into a new file, then puts it in place whole. */
    static final class Writer implements AutoCloseable {

        private final Path target;
        private final Path temporary;
        private final DataOutputStream out;
        private long position;
        private long[] ids = new long[1024];
        private long[] offsets = new long[1024];
        private int count;
        private boolean done;

        Writer(Path target, String stamp) throws IOException {
            this.target = target;
            this.temporary = target.resolveSibling(target.getFileName() + ".tmp");
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16));
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            position = 2L * Integer.BYTES + write(stamp);
        }

        /** Adds agreement {@code id}'s list; ids come in any order, each once. */
        void add(long id, List<Similar> list) throws IOException {
            if (list.size() > Byte.MAX_VALUE) {
                throw new IllegalArgumentException("a list of " + list.size());
            }
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, count * 2);
                offsets = Arrays.copyOf(offsets, count * 2);
            }
            ids[count] = id;
            offsets[count] = position;
            count++;
            out.writeByte(list.size());
            position++;
            for (Similar similar : list) {
                out.writeLong(similar.id());
                position += Long.BYTES + write(similar.title()) + write(similar.municipality())
                        + write(similar.koppelzoneName()) + write(similar.status());
            }
        }

        private long write(String text) throws IOException {
            if (text == null) {
                out.writeInt(-1);
                return Integer.BYTES;
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
            return Integer.BYTES + bytes.length;
        }

        /** Writes the index, forces the file to disk and renames it to its name. */
        void finish() throws IOException {
            Integer[] order = FilesInPlace.ascending(ids, count, "agreement");
            long indexStart = position;
            for (int i = 0; i < count; i++) {
                out.writeLong(ids[order[i]]);
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
            if (!done) {
                try {
                    out.close();
                } finally {
                    Files.deleteIfExists(temporary);
                }
            }
        }
    }
}
