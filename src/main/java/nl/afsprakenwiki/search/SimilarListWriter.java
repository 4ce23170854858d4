package nl.afsprakenwiki.search;

import nl.afsprakenwiki.search.SimilarAgreements.Similar;
import nl.afsprakenwiki.text.IndexedFileWriter;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Writes lists into a new {@link SimilarListFile}, then puts it in place whole. */
final class SimilarListWriter implements AutoCloseable {

    private final IndexedFileWriter file;
    private final DataOutputStream out;
    private final boolean checks;

    /** {@code checks}: whether every list is added with what checking it needs ({@link #add(long, Checked)}). */
    SimilarListWriter(Path target, String stamp, boolean checks) throws IOException {
        this.checks = checks;
        this.file = new IndexedFileWriter(target, SimilarListFile.MAGIC, SimilarListFile.FORMAT, stamp, 0, "agreement");
        this.out = file.out();
        out.writeByte(checks ? 1 : 0);
    }

    /** Adds agreement {@code id}'s list; ids come in any order, each once. */
    void add(long id, List<Similar> list) throws IOException {
        if (checks) {
            throw new IllegalStateException("this file's lists carry checks");
        }
        addList(id, list);
    }

    /** Adds agreement {@code id}'s list with what checking it needs. */
    void add(long id, SimilarListFile.Checked checked) throws IOException {
        if (!checks) {
            throw new IllegalStateException("this file's lists carry no checks");
        }
        addList(id, checked.similar());
        write(checked.municipality());
        out.writeFloat(checked.cutoff());
        if (checked.words() == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(checked.words().size());
        for (LikeTerms.Word word : checked.words()) {
            write(word.field());
            out.writeInt(word.term().length);
            out.write(word.term().bytes, word.term().offset, word.term().length);
            out.writeFloat(word.score());
        }
    }

    private void addList(long id, List<Similar> list) throws IOException {
        if (list.size() > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("a list of " + list.size());
        }
        file.entry(id);
        out.writeByte(list.size());
        for (Similar similar : list) {
            out.writeLong(similar.id());
            write(similar.title());
            write(similar.municipality());
            write(similar.koppelzoneName());
            write(similar.status());
        }
    }

    private void write(String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Writes the index, forces the file to disk and renames it to its name. */
    void finish() throws IOException {
        file.finish();
    }

    /** Without {@link #finish}: the unfinished file is removed. */
    @Override
    public void close() throws IOException {
        file.close();
    }
}
