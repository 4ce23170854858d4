package nl.afsprakenwiki.search;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the index's files are written: one Lucene {@link Directory} per index folder. The server uses
 * the file system; a test puts a directory in between that fails as a full disk does.
 */
@FunctionalInterface
public interface IndexStorage {

    /** The index folders on the file system, as Lucene picks the best way to read them. */
    IndexStorage FILES = FSDirectory::open;

    Directory open(Path folder) throws IOException;
}
