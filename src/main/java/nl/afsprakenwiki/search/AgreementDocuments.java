package nl.afsprakenwiki.search;

import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.search.IndexedAgreement.Party;
import nl.afsprakenwiki.search.IndexedAgreement.Text;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns an agreement as read from the database into the index's documents. */
final class AgreementDocuments {

    /** Stored, tokenised, with offsets so the highlighter needs no re-analysis. */
    private static final FieldType HIGHLIGHTED = new FieldType(TextField.TYPE_STORED);
    /** Only which documents hold a word: enough for spelling suggestions. */
    private static final FieldType WORDS = new FieldType();

    static {
        HIGHLIGHTED.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        HIGHLIGHTED.freeze();
        WORDS.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        WORDS.setTokenized(true);
        WORDS.setOmitNorms(true);
        WORDS.freeze();
    }

    private final MarkdownRenderer markdown;
    private final FacetsConfig facets = Fields.facetsConfig();

    AgreementDocuments(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    /**
     * Whether one document serves members and everyone else alike: a published agreement whose
     * current revision is its endorsed one (the usual case) has the same text and status for both.
     */
    static boolean shared(IndexedAgreement agreement) {
        return agreement.published() && agreement.endorsed().revision() == agreement.current().revision();
    }

    /** The one document of an agreement that reads the same for everyone (see {@link #shared}). */
    Document both(IndexedAgreement agreement) {
        return build(agreement, List.of(Fields.KIND_CURRENT, Fields.KIND_PUBLIC), agreement.current(),
                agreement.status().code());
    }

    /** The document members find: the current revision with the agreement's real status. */
    Document current(IndexedAgreement agreement) {
        return build(agreement, List.of(Fields.KIND_CURRENT), agreement.current(), agreement.status().code());
    }

    /** The document everyone else finds: the endorsed revision. Only for published agreements. */
    Document published(IndexedAgreement agreement) {
        return build(agreement, List.of(Fields.KIND_PUBLIC), agreement.endorsed(), "bekrachtigd");
    }

    private Document build(IndexedAgreement agreement, List<String> kinds, Text text, String status) {
        Document doc = new Document();
        for (String kind : kinds) {
            doc.add(new StringField(Fields.KEY, Fields.key(kind, agreement.id()), Field.Store.NO));
            doc.add(new StringField(Fields.KIND, kind, Field.Store.NO));
        }
        doc.add(new StringField(Fields.AGREEMENT, Long.toString(agreement.id()), Field.Store.YES));
        doc.add(new StringField(Fields.KOPPELZONE, Long.toString(agreement.koppelzoneId()), Field.Store.NO));
        doc.add(new StringField(Fields.MUNICIPALITY_SLUG, agreement.municipalitySlug(), Field.Store.YES));

        String body = markdown.plainText(text.body());
        String themes = String.join("\n", agreement.themes());
        doc.add(new Field(Fields.TITLE, text.title(), HIGHLIGHTED));
        doc.add(new Field(Fields.BODY, body, HIGHLIGHTED));
        doc.add(new TextField(Fields.CONTEXT, String.join("\n", themes,
                String.join("\n", agreement.parties().stream().map(Party::name).toList()),
                agreement.municipalityName(), agreement.koppelzoneName(),
                agreement.jeugdregio() == null ? "" : agreement.jeugdregio()), Field.Store.NO));
        doc.add(new Field(Fields.TITLE_WORDS, text.title(), WORDS));
        if (kinds.contains(Fields.KIND_PUBLIC)) {
            doc.add(new Field(Fields.SPELL, text.title() + "\n" + themes + "\n" + body, WORDS));
        }

        long updated = agreement.updatedAt().toEpochMilli();
        doc.add(new NumericDocValuesField(Fields.UPDATED, updated));
        doc.add(new StoredField(Fields.UPDATED, updated));
        // on the current and the public document alike: only public adoptions are counted, so the
        // count is the same whoever searches, and sorting by it agrees for members and visitors
        doc.add(new NumericDocValuesField(Fields.ADOPTIONS, agreement.adoptions()));
        doc.add(new StoredField(Fields.ADOPTIONS, agreement.adoptions()));
        doc.add(new StoredField(Fields.STORED_KOPPELZONE_SLUG, agreement.koppelzoneSlug()));
        doc.add(new StoredField(Fields.STORED_KOPPELZONE_NAME, agreement.koppelzoneName()));
        doc.add(new StoredField(Fields.STORED_MUNICIPALITY, agreement.municipalityName()));
        doc.add(new StoredField(Fields.STORED_STATUS, status));
        doc.add(new StoredField(Fields.STORED_REVISION, text.revision()));

        doc.add(new SortedSetDocValuesFacetField(Fields.FACET_MUNICIPALITY, agreement.municipalityName()));
        if (agreement.jeugdregio() != null && !agreement.jeugdregio().isBlank()) {
            doc.add(new SortedSetDocValuesFacetField(Fields.FACET_REGION, agreement.jeugdregio()));
        }
        for (String theme : new LinkedHashSet<>(agreement.themes())) {
            doc.add(new SortedSetDocValuesFacetField(Fields.FACET_THEME, theme));
        }
        Set<String> partyKinds = new LinkedHashSet<>();
        for (Party party : agreement.parties()) {
            partyKinds.add(party.kind());
        }
        for (String partyKind : partyKinds) {
            doc.add(new SortedSetDocValuesFacetField(Fields.FACET_PARTY_KIND, partyKind));
        }
        doc.add(new SortedSetDocValuesFacetField(Fields.FACET_STATUS, status));
        try {
            return facets.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
