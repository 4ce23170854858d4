package nl.afsprakenwiki.search;

import nl.afsprakenwiki.search.SimilarAgreements.Similar;
import nl.afsprakenwiki.text.IndexedFile;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A file of "vergelijkbare afspraken" lists found ahead: one list for every agreement of one state of
 * an index (its stamp), read from a memory map, so they take no heap and outlive a restart. Written
 * once, front to back, then renamed into place; read only. Visitors' lists ({@link SimilarLists}) are
 * lists alone; beheerders' lists among drafts ({@link DraftLists}) also carry what a later generation
 * of the current texts needs to check them ({@link Checked}).
 *
 * <p>Layout: an {@link IndexedFile} by agreement id, its header one byte (whether lists carry checks),
 * each entry a list: the number of agreements, and per agreement its id, title, municipality,
 * koppelzone and status; with checks then the agreement's municipality, the cutoff and its words,
 * each a field, a term and a score. Anything that does not read back as that is refused as a whole.
 */
final class SimilarListFile {

    static final int MAGIC = 0x41575331; // "AWS1"
    /** Raise when the layout or what a list means changes: files of another format are not read. */
    static final int FORMAT = 2;

    /**
     * What a list found among drafts needs besides its agreements to be checked in a later generation
     * (see {@link KeptSimilar}): the agreement's municipality and words (null when it has none to
     * compare) and the score a newcomer must reach.
     */
    record Checked(List<Similar> similar, String municipality, float cutoff, List<LikeTerms.Word> words) {
    }

    private final IndexedFile file;
    private final boolean checks;

    private SimilarListFile(IndexedFile file, boolean checks) {
        this.file = file;
        this.checks = checks;
    }

    /** Whether the lists carry what checking them needs. */
    boolean checks() {
        return checks;
    }

    /** The state of the public index these lists were found in. */
    String stamp() {
        return file.stamp();
    }

    /** How many agreements have a list here. */
    int size() {
        return file.size();
    }

    /** The list of agreement {@code id}, or null when this file has none for it. */
    List<Similar> get(long id) {
        int row = file.find(id);
        return row < 0 ? null : list(file.entry(row));
    }

    /** The list of agreement {@code id} and what checking it needs, or null when this file has none for it. */
    Checked checked(long id) {
        int row = file.find(id);
        if (row < 0 || !checks) {
            return null;
        }
        ByteBuffer in = file.entry(row);
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

    /** Opens the file at {@code path}: {@link IndexedFile.Unreadable} when it is not a whole list file of this format. */
    static SimilarListFile open(Path path) throws IOException {
        IndexedFile file = IndexedFile.open(path, MAGIC, FORMAT, 1, 0, "list file");
        byte flag = file.header().get();
        if (flag != 0 && flag != 1) {
            throw new IndexedFile.Unreadable("not a list file of format " + FORMAT);
        }
        boolean checks = flag == 1;
        // every list read once, and whole
        file.checkEntries(in -> {
            int size = in.get();
            if (size < 0) {
                throw new IndexedFile.Unreadable("a list of " + size);
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
        });
        return new SimilarListFile(file, checks);
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
