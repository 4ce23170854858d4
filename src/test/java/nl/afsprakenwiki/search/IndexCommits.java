package nl.afsprakenwiki.search;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The commit data of a closed wiki's two search indexes, for tests of what start-up does with an
 * index that is stale in some way.
 */
final class IndexCommits {

    private static final List<String> FOLDERS = List.of(IndexFiles.PUBLIC, IndexFiles.CURRENT);

    private IndexCommits() {
    }

    /**
     * Empties both indexes of the wiki in {@code data} and sets {@code key} to {@code value} in their
     * commits, as an index built otherwise would say; the rest of the commit data stays. Returns what
     * each index's commit said for {@code key} before.
     */
    static List<String> replace(Path data, String key, String value) throws IOException {
        List<String> before = new ArrayList<>();
        for (String folder : FOLDERS) {
            try (Directory directory = FSDirectory.open(data.resolve(SearchIndex.FOLDER).resolve(folder));
                 IndexWriter writer = new IndexWriter(directory,
                         new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
                Map<String, String> commitData = new HashMap<>();
                writer.getLiveCommitData().forEach(entry -> commitData.put(entry.getKey(), entry.getValue()));
                before.add(commitData.get(key));
                commitData.put(key, value);
                writer.deleteAll();
                writer.setLiveCommitData(commitData.entrySet());
                writer.commit();
            }
        }
        return before;
    }

    /** What each index's latest commit says for {@code key}. */
    static List<String> read(Path data, String key) throws IOException {
        List<String> values = new ArrayList<>();
        for (String folder : FOLDERS) {
            try (Directory directory = FSDirectory.open(data.resolve(SearchIndex.FOLDER).resolve(folder))) {
                values.add(SegmentInfos.readLatestCommit(directory).getUserData().get(key));
            }
        }
        return values;
    }
}
