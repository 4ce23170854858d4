package nl.afsprakenwiki.search;

import nl.afsprakenwiki.search.SimilarAgreements.Similar;
import nl.afsprakenwiki.text.FilesInPlace;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A file of "vergelijkbare afspraken" lists found ahead: one list for every agreement of one state of
 * an index (its stamp), read from a memory map, so they take no heap and outlive a restart. Written
 * once, front to back, then renamed into place; read only. Visitors' lists ({@link SimilarLists}) are
 * lists alone; beheerders' lists among drafts ({@link DraftLists}) also carry what a later generation
 * of the current texts needs to check them ({@link Checked}).
 *
 * <p>Layout: a magic number and the format, the stamp, whether lists carry checks, then the lists (per
 * list: the number of agreements, and per agreement its id, title, municipality, koppelzone and
 * status; with checks then the agreement's municipality, the cutoff and its words, each a field, a
 * term and a score), then the index (agreement ids in ascending order, each with its list's offset),
 * and last the number of lists and where the index starts. Anything that does not read back as that
 * is refused as a whole.
 */
final class SimilarListFile {

    static final int MAGIC = 0x41575331; // "AWS1"
    /** Raise when the layout or what a list means changes: files of another format are not read. */
    static final int FORMAT = 2;
    private static final int TRAILER = Integer.BYTES + Long.BYTES;
    private static final int ENTRY = Long.BYTES + Long.BYTES;

    /** A list file's contents that could not be read back as written. */
    static final class Unreadable extends IOException {
        Unreadable(String message) {
            super(message);
        }
    }

    /**
     * What a list found among drafts needs besides its agreements to be checked in a later generation
     * (see {@link KeptSimilar}): the agreement's municipality and words (null when it has none to
     * compare) and the score a newcomer must reach.
     */
    record Checked(List<Similar> similar, String municipality, float cutoff, List<LikeTerms.Word> words) {
    }

    private final String stamp;
    private final ByteBuffer map;
    private final boolean checks;
    private final int count;
    private final int indexStart;

    private SimilarListFile(String stamp, ByteBuffer map, boolean checks, int count, int indexStart) {
        this.stamp = stamp;
        this.map = map;
        this.checks = checks;
        this.count = count;
        this.indexStart = indexStart;
    }

    /** Whether the lists carry what checking them needs. */
    boolean checks() {
        return checks;
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
        int offset = offset(id);
        return offset < 0 ? null : list(map.duplicate().position(offset));
    }

    /** The list of agreement {@code id} and what checking it needs, or null when this file has none for it. */
    Checked checked(long id) {
        int offset = offset(id);
        if (offset < 0 || !checks) {
            return null;
        }
        ByteBuffer in = map.duplicate().position(offset);
        List<Similar> similar = list(in);
        String municipality = text(in);
        float cutoff = in.getFloat();
        int size = in.getInt();
        if (size < 0) {
            return new Checked(similar, municipality, cutoff, null);
        }
        LikeTerms.Word[] words = new LikeTerms.Word[size];
        for (int i = 0; i < size; i++) {
            String field = text(in);
            byte[] term = new byte[in.getInt()];
            in.get(term);
            words[i] = new LikeTerms.Word(field, new BytesRef(term), in.getFloat());
        }
        return new Checked(similar, municipality, cutoff, List.of(words));
    }

    /** Where agreement {@code id}'s list starts, or -1. */
    private int offset(long id) {
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
                return (int) map.getLong(indexStart + middle * ENTRY + Long.BYTES);
            }
        }
        return -1;
    }

    private static List<Similar> list(ByteBuffer in) {
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
            byte checks = map.get();
            if (checks != 0 && checks != 1) {
                throw new Unreadable("not a list file of format " + FORMAT);
            }
            int listsStart = map.position();
            int end = map.limit();
            int count = map.getInt(end - TRAILER);
            long indexStart = map.getLong(end - Long.BYTES);
            if (stamp == null || count < 0 || indexStart < listsStart || indexStart + (long) count * ENTRY != end - TRAILER) {
                throw new Unreadable("its index does not fit the file");
            }
            SimilarListFile file = new SimilarListFile(stamp, map, checks == 1, count, (int) indexStart);
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
                skipTexts(in, 4);
            }
            if (checks) {
                skipTexts(in, 1);
                in.getFloat();
                int words = in.getInt();
                for (int j = 0; j < words; j++) {
                    skipTexts(in, 2);
                    in.getFloat();
                }
            }
        }
    }

    private static void skipTexts(ByteBuffer in, int texts) {
        for (int i = 0; i < texts; i++) {
            int length = in.getInt();
            if (length > 0) {
                in.position(in.position() + length);
            }
        }
    }
}
