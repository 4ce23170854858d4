package nl.afsprakenwiki.search;

import nl.afsprakenwiki.search.SimilarAgreements.Similar;
import nl.afsprakenwiki.text.FilesInPlace;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Writes lists into a new {@link SimilarListFile}, then puts it in place whole. */
final class SimilarListWriter implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private final DataOutputStream out;
    private final boolean checks;
    private long position;
    private long[] ids = new long[1024];
    private long[] offsets = new long[1024];
    private int count;
    private boolean done;

    /** {@code checks}: whether every list is added with what checking it needs ({@link #add(long, Checked)}). */
    SimilarListWriter(Path target, String stamp, boolean checks) throws IOException {
        this.target = target;
        this.checks = checks;
        this.temporary = target.resolveSibling(target.getFileName() + ".tmp");
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16));
        out.writeInt(SimilarListFile.MAGIC);
        out.writeInt(SimilarListFile.FORMAT);
        position = 2L * Integer.BYTES + write(stamp);
        out.writeByte(checks ? 1 : 0);
        position++;
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
        position += write(checked.municipality()) + Float.BYTES + Integer.BYTES;
        out.writeFloat(checked.cutoff());
        if (checked.words() == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(checked.words().size());
        for (LikeTerms.Word word : checked.words()) {
            position += write(word.field()) + Integer.BYTES + word.term().length + Float.BYTES;
            out.writeInt(word.term().length);
            out.write(word.term().bytes, word.term().offset, word.term().length);
            out.writeFloat(word.score());
        }
    }

    private void addList(long id, List<Similar> list) throws IOException {
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
