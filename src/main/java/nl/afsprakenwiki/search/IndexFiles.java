package nl.afsprakenwiki.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The two Lucene indexes in the data directory's search folder, each with its one writer:
 * {@code openbaar} holds what everyone may find (published agreements, endorsed text) and
 * {@code actueel} the current text of every agreement, for members and beheerders. Keeping them
 * apart keeps the public index's statistics free of drafts.
 */
final class IndexFiles implements AutoCloseable {

    static final String PUBLIC = "openbaar";
    static final String CURRENT = "actueel";

    private final List<Directory> directories;
    final IndexWriter publicWriter;
    final IndexWriter currentWriter;
    private boolean closed;

    private IndexFiles(List<Directory> directories, IndexWriter publicWriter, IndexWriter currentWriter) {
        this.directories = directories;
        this.publicWriter = publicWriter;
        this.currentWriter = currentWriter;
    }

    /** Opens (or creates) both indexes; throws {@link SearchIndex.Locked} if another process has them. */
    static IndexFiles open(Path folder, IndexStorage storage, Analyzer analyzer) {
        removeSingleIndexLayout(folder);
        Directory publicDirectory = null;
        Directory currentDirectory = null;
        IndexWriter publicWriter = null;
        try {
            publicDirectory = storage.open(folder.resolve(PUBLIC));
            currentDirectory = storage.open(folder.resolve(CURRENT));
            publicWriter = new IndexWriter(publicDirectory, config(analyzer));
            IndexWriter currentWriter = new IndexWriter(currentDirectory, config(analyzer));
            return new IndexFiles(List.of(publicDirectory, currentDirectory), publicWriter, currentWriter);
        } catch (LockObtainFailedException e) {
            closeQuietly(publicWriter, publicDirectory, currentDirectory);
            throw new SearchIndex.Locked(folder);
        } catch (IOException e) {
            closeQuietly(publicWriter, publicDirectory, currentDirectory);
            throw new UncheckedIOException("cannot open the search index in " + folder, e);
        }
    }

    private static IndexWriterConfig config(Analyzer analyzer) {
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(64);
        config.setCommitOnClose(false);
        return config;
    }

    /**
     * Before there were two indexes the folder held one; its files are derived data, so they are
     * simply removed (the new indexes are then built from the database).
     */
    private static void removeSingleIndexLayout(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the old search index in " + folder, e);
        }
    }

    /**
     * The commit data of each index, public first. They differ when a commit reached one index and
     * failed on the other (a full disk).
     */
    List<Map<String, String>> commitData() {
        return List.of(data(publicWriter), data(currentWriter));
    }

    private static Map<String, String> data(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return data;
    }

    boolean hasDocuments() {
        return publicWriter.getDocStats().numDocs + currentWriter.getDocStats().numDocs > 0;
    }

    void commit(Map<String, String> data) throws IOException {
        publicWriter.setLiveCommitData(data.entrySet());
        publicWriter.commit();
        currentWriter.setLiveCommitData(data.entrySet());
        currentWriter.commit();
    }

    void deleteAll() throws IOException {
        publicWriter.deleteAll();
        currentWriter.deleteAll();
    }

    void forceMerge() throws IOException {
        publicWriter.forceMerge(1);
        currentWriter.forceMerge(1);
    }

    boolean isOpen() {
        return publicWriter.isOpen() && currentWriter.isOpen();
    }

    /** Agreements in the index of current texts: every agreement once. */
    int documentCount() {
        return currentWriter.getDocStats().numDocs;
    }

    long sizeOnDisk() {
        long size = 0;
        try {
            for (Directory directory : directories) {
                for (String file : directory.listAll()) {
                    size += directory.fileLength(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure the search index", e);
        }
        return size;
    }

    /**
     * Closes both writers, dropping what was not committed and releasing their locks; the directories
     * stay open for readers that still use them. A writer already closed (by a failure) is skipped.
     */
    void rollback() throws IOException {
        try {
            publicWriter.rollback();
        } finally {
            currentWriter.rollback();
        }
    }

    /** Closes the writers without committing (again: closing a closed one does nothing) and the directories. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            try {
                publicWriter.close();
            } finally {
                currentWriter.close();
            }
        } finally {
            for (Directory directory : directories) {
                directory.close();
            }
        }
    }

    private static void closeQuietly(AutoCloseable... closeables) {
        for (AutoCloseable closeable : closeables) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // already failing; the first error is the one reported
                }
            }
        }
    }
}
