package nl.afsprakenwiki.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * What "vergelijkbare afspraken" and suggestions show of an agreement found: read from the stored
 * fields once and kept (the last {@value #KEPT}). Reading stored fields decompresses a block of the
 * index that holds whole texts, for a title and a municipality: under the national load mix about
 * 4 % of the request threads' work. (A results page reads the texts themselves, for its passages.)
 * Kept by segment and document: a segment's stored fields never change (a changed agreement is a
 * new document), so a kept card is exactly what the index holds, and the cards of a segment merged
 * away are never asked for again and age out.
 */
final class Cards {

    static final int KEPT = 20_000;

    /** The stored fields a card is made of. */
    static final Set<String> STORED = Set.of(Fields.AGREEMENT, Fields.TITLE, Fields.MUNICIPALITY_SLUG,
            Fields.STORED_MUNICIPALITY, Fields.STORED_KOPPELZONE_NAME, Fields.STORED_STATUS);

    /** One document's card. */
    record Card(long agreement, String title, String municipalitySlug, String municipality, String koppelzoneName,
                String status) {

        /** The card of a document read with (at least) {@link #STORED}. */
        static Card of(Document doc) {
            return new Card(Long.parseLong(doc.get(Fields.AGREEMENT)), doc.get(Fields.TITLE),
                    doc.get(Fields.MUNICIPALITY_SLUG), doc.get(Fields.STORED_MUNICIPALITY),
                    doc.get(Fields.STORED_KOPPELZONE_NAME), doc.get(Fields.STORED_STATUS));
        }
    }

    private final SegmentDocuments<Card> kept = new SegmentDocuments<>(KEPT, Cards::read);

    /** How many cards were read from the stored fields (for tests). */
    long reads() {
        return kept.reads();
    }

    /** The card of document {@code doc} of {@code reader} (a top-level document number). */
    Card of(IndexReader reader, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        return kept.of(leaf, doc - leaf.docBase);
    }

    private static Card read(LeafReaderContext leaf, int doc) throws IOException {
        return Card.of(leaf.reader().storedFields().document(doc, STORED));
    }
}
