package nl.afsprakenwiki.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * Writes what one changed agreement means for the two indexes: its current document always, its
 * public document only when what that holds changed.
 */
final class ChangeWriter {

    private final AgreementDocuments documents;

    ChangeWriter(AgreementDocuments documents) {
        this.documents = documents;
    }

    /**
     * Writes the changes of {@code batch} to the indexes. Analysis is the expensive part and
     * IndexWriter takes documents from several threads.
     */
    void write(List<IndexedAgreement> batch, OpenIndex index) throws IOException {
        Snapshot before = index.snapshots.acquire();
        try {
            (batch.size() > 8 ? batch.parallelStream() : batch.stream())
                    .forEach(agreement -> apply(prepare(agreement, before.publicSearcher()), index.files));
        } finally {
            index.snapshots.release(before);
        }
    }

    /** What indexing one agreement changes: its current document, and its public one if that changed. */
    private record Change(long id, Document current, Document published, boolean unpublished) {
    }

    /**
     * The current text always goes to its index. The public document is only rewritten when what
     * it holds changed: an unchanged rewrite would still leave a deleted copy behind, which counts
     * in the statistics until merged - and would let a draft show in the public index's numbers.
     */
    private Change prepare(IndexedAgreement agreement, IndexSearcher published) {
        try {
            String indexed = fingerprint(published,
                    new Term(Fields.KEY, Fields.key(Fields.KIND_PUBLIC, agreement.id())));
            boolean publicChanged = agreement.published()
                    && !AgreementDocuments.fingerprint(agreement).equals(indexed);
            Document[] docs = documents.documents(agreement, publicChanged);
            return new Change(agreement.id(), docs[0], docs[1], !agreement.published() && indexed != null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index agreement " + agreement.id(), e);
        }
    }

    private void apply(Change change, IndexFiles files) {
        try {
            files.currentWriter.updateDocument(new Term(Fields.KEY, Fields.key(Fields.KIND_CURRENT, change.id())),
                    change.current());
            Term publicKey = new Term(Fields.KEY, Fields.key(Fields.KIND_PUBLIC, change.id()));
            if (change.published() != null) {
                files.publicWriter.updateDocument(publicKey, change.published());
            } else if (change.unpublished()) {
                files.publicWriter.deleteDocuments(publicKey);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index agreement " + change.id(), e);
        }
    }

    /** The fingerprint of the public document under {@code key}, or null when there is none. */
    private static String fingerprint(IndexSearcher published, Term key) throws IOException {
        TopDocs found = published.search(new TermQuery(key), 1);
        if (found.scoreDocs.length == 0) {
            return null;
        }
        Document doc = published.storedFields().document(found.scoreDocs[0].doc, Set.of(Fields.FINGERPRINT));
        String fingerprint = doc.get(Fields.FINGERPRINT);
        return fingerprint == null ? "" : fingerprint;
    }
}
