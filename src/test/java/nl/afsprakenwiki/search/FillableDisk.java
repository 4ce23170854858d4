package nl.afsprakenwiki.search;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;

/**
 * The index's files on the real file system, behind a switch: while the disk is "full", every new file
 * and every sync fails the way the operating system says it, {@code IOException("No space left on
 * device")}. Reading goes on as before, as it does on a full disk.
 */
final class FillableDisk implements IndexStorage {

    private volatile boolean full;

    void fill() {
        full = true;
    }

    void free() {
        full = false;
    }

    @Override
    public Directory open(Path folder) throws IOException {
        return new FilterDirectory(FSDirectory.open(folder)) {
            @Override
            public IndexOutput createOutput(String name, IOContext context) throws IOException {
                refuseWhenFull();
                return super.createOutput(name, context);
            }

            @Override
            public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
                refuseWhenFull();
                return super.createTempOutput(prefix, suffix, context);
            }

            @Override
            public void sync(Collection<String> names) throws IOException {
                refuseWhenFull();
                super.sync(names);
            }
        };
    }

    private void refuseWhenFull() throws IOException {
        if (full) {
            throw new IOException("No space left on device");
        }
    }
}
