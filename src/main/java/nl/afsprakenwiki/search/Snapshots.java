package nl.afsprakenwiki.search;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ReferenceManager;

import java.io.IOException;
import java.util.List;

/**
 * Hands out {@link Snapshot}s of the two indexes and refreshes them after indexing, like Lucene's
 * SearcherManager does for one index: a search holds on to the snapshot it started with.
 */
final class Snapshots extends ReferenceManager<Snapshot> {

    private final IndexWriter publicWriter;
    private final IndexWriter currentWriter;
    /** Shared by every snapshot: most of their segments are the same. */
    private final FacetTables facets = new FacetTables();
    /** The last generation handed out: a snapshot's readers get a new one when their documents change. */
    private long generations;

    Snapshots(IndexWriter publicWriter, IndexWriter currentWriter) throws IOException {
        this.publicWriter = publicWriter;
        this.currentWriter = currentWriter;
        current = new Snapshot(DirectoryReader.open(publicWriter), DirectoryReader.open(currentWriter), facets,
                new Answers(), ++generations, ++generations);
    }

    @Override
    protected void decRef(Snapshot reference) throws IOException {
        reference.decRef();
    }

    @Override
    protected Snapshot refreshIfNeeded(Snapshot old) throws IOException {
        DirectoryReader published = DirectoryReader.openIfChanged(old.publicReader(), publicWriter);
        DirectoryReader current = DirectoryReader.openIfChanged(old.currentReader(), currentWriter);
        if (published == null && current == null) {
            return null;
        }
        if (published == null) {
            published = old.publicReader();
            published.incRef();
        }
        if (current == null) {
            current = old.currentReader();
            current.incRef();
        }
        // a visitor's answer depends on the public documents alone: while they are the same (only
        // drafts changed, or only the commit data of a catch-up), the kept answers are the ones a new
        // search would give, so they stay (SearchAnswersTest, SearchSideChannelTest)
        boolean samePublic = sameDocuments(old.publicReader(), published);
        long publicGeneration = samePublic ? old.publicGeneration() : ++generations;
        long currentGeneration = sameDocuments(old.currentReader(), current) ? old.currentGeneration() : ++generations;
        return new Snapshot(published, current, facets, samePublic ? old.publicAnswers() : new Answers(),
                publicGeneration, currentGeneration);
    }

    /**
     * Whether two readers hold the same documents: the same segments with the same deletions. A
     * reader reopened after a commit that changed only the commit data is such a reader. (The
     * indexes never update doc values in place, which would change a segment but not its core.)
     */
    static boolean sameDocuments(DirectoryReader a, DirectoryReader b) {
        if (a == b) {
            return true;
        }
        List<LeafReaderContext> x = a.leaves();
        List<LeafReaderContext> y = b.leaves();
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            LeafReader l = x.get(i).reader();
            LeafReader m = y.get(i).reader();
            IndexReader.CacheHelper lc = l.getCoreCacheHelper();
            IndexReader.CacheHelper mc = m.getCoreCacheHelper();
            if (lc == null || mc == null || lc.getKey() != mc.getKey() || l.numDeletedDocs() != m.numDeletedDocs()) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected boolean tryIncRef(Snapshot reference) {
        return reference.tryIncRef();
    }

    @Override
    protected int getRefCount(Snapshot reference) {
        return reference.refCount();
    }
}
