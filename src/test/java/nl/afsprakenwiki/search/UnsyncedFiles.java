package nl.afsprakenwiki.search;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;

/**
 * The index's files on the real file system, as {@link IndexStorage#FILES} writes them, without
 * asking the disk to flush them at each commit: what a commit wrote survives the process being
 * killed (it is in the operating system's cache), not a power failure. For the tests in one JVM (see
 * {@link nl.afsprakenwiki.testing.TestDisk}); the wiki itself always syncs.
 */
public final class UnsyncedFiles implements IndexStorage {

    public static final IndexStorage INSTANCE = new UnsyncedFiles();

    private UnsyncedFiles() {
    }

    @Override
    public Directory open(Path folder) throws IOException {
        return new FilterDirectory(FSDirectory.open(folder)) {
            @Override
            public void sync(Collection<String> names) {
                // in the operating system's cache already; see the class comment
            }

            @Override
            public void syncMetaData() {
                // likewise for the folder's entries (a new or renamed file)
            }
        };
    }
}
