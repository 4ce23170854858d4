package nl.afsprakenwiki.search;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.ReferenceManager;

import java.io.IOException;

/**
 * Hands out {@link Snapshot}s of the two indexes and refreshes them after indexing, like Lucene's
 * SearcherManager does for one index: a search holds on to the snapshot it started with.
 */
final class Snapshots extends ReferenceManager<Snapshot> {

    private final IndexWriter publicWriter;
    private final IndexWriter currentWriter;
    /** Shared by every snapshot: most of their segments are the same. */
    private final FacetTables facets = new FacetTables();

    Snapshots(IndexWriter publicWriter, IndexWriter currentWriter) throws IOException {
        this.publicWriter = publicWriter;
        this.currentWriter = currentWriter;
        current = new Snapshot(DirectoryReader.open(publicWriter), DirectoryReader.open(currentWriter), facets,
                new Answers());
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
        // visitors' answers start afresh with every snapshot, even when only drafts changed: so every
        // visitor's answer is computed on the snapshot it is given (SearchSideChannelTest checks them)
        return new Snapshot(published, current, facets, new Answers());
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
