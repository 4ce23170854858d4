package nl.afsprakenwiki.search;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generations snapshots hand out, and what they remember about what changed between them, on
 * real Lucene writers: generations never repeat, not even in another opening of the index (after a
 * failed write), and which agreements changed is known exactly or not at all.
 */
class SnapshotsTest {

    private final List<IndexWriter> writers = new ArrayList<>();

    private IndexWriter writer() throws IOException {
        IndexWriter writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(new StandardAnalyzer()));
        writers.add(writer);
        return writer;
    }

    private static void write(IndexWriter writer, long agreement) throws IOException {
        Document doc = new Document();
        doc.add(new StringField(Fields.KEY, Fields.key(Fields.KIND_CURRENT, agreement), Field.Store.NO));
        writer.updateDocument(new Term(Fields.KEY, Fields.key(Fields.KIND_CURRENT, agreement)), doc);
    }

    private static long[] generations(Snapshots snapshots) throws IOException {
        Snapshot snapshot = snapshots.acquire();
        try {
            return new long[] {snapshot.publicGeneration(), snapshot.currentGeneration()};
        } finally {
            snapshots.release(snapshot);
        }
    }

    private static Set<Long> changedSince(Snapshots snapshots, long generation) throws IOException {
        return changedSince(snapshots, generation, Integer.MAX_VALUE);
    }

    private static Set<Long> changedSince(Snapshots snapshots, long generation, int most) throws IOException {
        Snapshot snapshot = snapshots.acquire();
        try {
            return snapshot.currentChangedSince(generation, most);
        } finally {
            snapshots.release(snapshot);
        }
    }

    @Test
    void anotherOpeningNeverHandsOutAGenerationAgain() throws IOException {
        Snapshots first = new Snapshots(writer(), writer());
        Snapshots second = new Snapshots(writer(), writer());
        long[] a = generations(first);
        long[] b = generations(second);
        assertThat(List.of(a[0], a[1], b[0], b[1])).as("four distinct generations").doesNotHaveDuplicates();
        first.close();
        second.close();
        for (IndexWriter writer : writers) {
            writer.close();
        }
    }

    @Test
    void whatEachRefreshWroteIsRememberedUntilItIsNotKnown() throws IOException {
        IndexWriter published = writer();
        IndexWriter current = writer();
        Snapshots snapshots = new Snapshots(published, current);
        long start = generations(snapshots)[1];
        write(current, 1);
        write(current, 2);
        snapshots.refresh(Set.of(1L, 2L));
        long afterTwo = generations(snapshots)[1];
        assertThat(afterTwo).isGreaterThan(start);
        write(current, 3);
        snapshots.refresh(Set.of(3L));
        assertThat(changedSince(snapshots, start)).isEqualTo(Set.of(1L, 2L, 3L));
        assertThat(changedSince(snapshots, afterTwo)).isEqualTo(Set.of(3L));
        // more than the caller will check: not worth knowing
        assertThat(changedSince(snapshots, start, 3)).isEqualTo(Set.of(1L, 2L, 3L));
        assertThat(changedSince(snapshots, start, 2)).isNull();
        // nothing written, nothing new: the same generation, nothing changed
        long now = generations(snapshots)[1];
        snapshots.refresh(Set.of());
        assertThat(generations(snapshots)[1]).isEqualTo(now);
        assertThat(changedSince(snapshots, now)).isEmpty();
        // a merge changes segments, not documents
        current.forceMerge(1);
        snapshots.refresh(Set.of());
        assertThat(changedSince(snapshots, start)).isEqualTo(Set.of(1L, 2L, 3L));
        // everything deleted and written again: from before it, what changed is not known
        long beforeRebuild = generations(snapshots)[1];
        current.deleteAll();
        write(current, 1);
        snapshots.refresh(null);
        assertThat(changedSince(snapshots, beforeRebuild)).isNull();
        assertThat(changedSince(snapshots, start)).isNull();
        // a generation of another opening is not one of these
        Snapshots other = new Snapshots(writer(), writer());
        assertThat(changedSince(snapshots, generations(other)[1])).isNull();
        other.close();
        snapshots.close();
        for (IndexWriter writer : writers) {
            writer.close();
        }
    }

    @Test
    void writesAreRememberedAcrossManyRefreshesAndForgottenOldestFirst() throws IOException {
        IndexWriter published = writer();
        IndexWriter current = writer();
        // room for 3,000 writes: more refreshes than the 1,024 once remembered, fewer writes than the room
        Snapshots snapshots = new Snapshots(published, current, 3_000);
        long start = generations(snapshots)[1];
        long middle = 0;
        for (int refresh = 0; refresh < 2_500; refresh++) {
            long agreement = refresh % 40;
            write(current, agreement);
            snapshots.refresh(Set.of(agreement));
            if (refresh == 2_000) {
                middle = generations(snapshots)[1];
            }
        }
        Set<Long> all = new java.util.HashSet<>();
        for (long agreement = 0; agreement < 40; agreement++) {
            all.add(agreement);
        }
        assertThat(changedSince(snapshots, start)).as("2,500 refreshes later, still known").isEqualTo(all);
        assertThat(changedSince(snapshots, middle)).hasSize(40);
        assertThat(changedSince(snapshots, start, 39)).as("more than the caller checks").isNull();
        // 1,000 more writes: the first 500 are forgotten, so from the start what changed is not known
        long late = generations(snapshots)[1];
        for (int refresh = 0; refresh < 1_000; refresh++) {
            write(current, 100 + refresh % 3);
            snapshots.refresh(Set.of(100L + refresh % 3));
        }
        assertThat(changedSince(snapshots, start)).isNull();
        assertThat(changedSince(snapshots, middle)).as("written after the forgotten ones").isNotNull();
        assertThat(changedSince(snapshots, late)).isEqualTo(Set.of(100L, 101L, 102L));
        // a generation before another, asked the other way round, is not a range
        Snapshot snapshot = snapshots.acquire();
        try {
            assertThat(snapshots.changedBetween(snapshot.currentGeneration(), late, Integer.MAX_VALUE)).isNull();
        } finally {
            snapshots.release(snapshot);
        }
        snapshots.close();
        for (IndexWriter writer : writers) {
            writer.close();
        }
    }
}
