package nl.afsprakenwiki.search;

import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.markdown.SearchText;
import nl.afsprakenwiki.search.IndexedAgreement.Party;
import nl.afsprakenwiki.search.IndexedAgreement.Text;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns an agreement as read from the database into the documents of the two indexes. A text is
 * analysed once, even when it goes into both (a published agreement whose current revision is its
 * endorsed one): the analysis is most of the cost of indexing.
 */
final class AgreementDocuments {

    /** Tokenised with positions and offsets, so the highlighter needs no re-analysis; stored apart. */
    private static final FieldType HIGHLIGHTED = new FieldType(TextField.TYPE_NOT_STORED);
    /** The text also keeps its words per document, so feedback reads a hit's words without analysing it again. */
    private static final FieldType HIGHLIGHTED_WITH_WORDS = new FieldType(TextField.TYPE_NOT_STORED);
    /** Only which documents hold a word: enough for spelling suggestions. */
    private static final FieldType WORDS = new FieldType();

    static {
        HIGHLIGHTED.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        HIGHLIGHTED.freeze();
        HIGHLIGHTED_WITH_WORDS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        HIGHLIGHTED_WITH_WORDS.setStoreTermVectors(true);
        HIGHLIGHTED_WITH_WORDS.freeze();
        WORDS.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        WORDS.setTokenized(true);
        WORDS.setOmitNorms(true);
        WORDS.freeze();
    }

    private final MarkdownRenderer markdown;
    private final Analyzer analyzer;
    private final FacetsConfig facets = Fields.facetsConfig();

    /** One revision's text, made readable and analysed for every field that holds it. */
    private record Prepared(Text text, SearchText readable, Replay title, Replay body, Replay headings,
                            Replay titleWords, Replay spell) {
    }

    AgreementDocuments(MarkdownRenderer markdown, Analyzer analyzer) {
        this.markdown = markdown;
        this.analyzer = analyzer;
    }

    /**
     * The documents of one agreement: the current text for members, and - when {@code publicToo} -
     * the endorsed text for everyone else (dated when that revision was written: a later draft
     * changes nothing there). The second is null when not asked for or not published.
     */
    Document[] documents(IndexedAgreement agreement, boolean publicToo) {
        Replay context = Replay.of(analyzer, Fields.CONTEXT, String.join("\n", String.join("\n", agreement.themes()),
                String.join("\n", agreement.parties().stream().map(Party::name).toList()),
                agreement.municipalityName(), agreement.koppelzoneName(),
                agreement.jeugdregio() == null ? "" : agreement.jeugdregio()));
        Prepared current = prepare(agreement.current(), agreement.themes());
        WeightedTerms currentWeighted = weighted(current, context);
        Document currentDoc = build(agreement, Fields.KIND_CURRENT, current, context, currentWeighted,
                agreement.status().code(), agreement.updatedAt().toEpochMilli(), agreement.memberLeaks(),
                agreement.experiences());
        if (!publicToo || !agreement.published()) {
            return new Document[]{currentDoc, null};
        }
        boolean same = agreement.endorsed().revision() == agreement.current().revision();
        Prepared endorsed = same ? current : prepare(agreement.endorsed(), agreement.themes());
        // the same text in both documents: its tokens (like the fields' own) are counted once and replayed
        Document published = build(agreement, Fields.KIND_PUBLIC, endorsed, context,
                same ? currentWeighted : weighted(endorsed, context), "bekrachtigd",
                agreement.endorsed().createdAt().toEpochMilli(), agreement.publicLeaks(), agreement.publicExperiences());
        published.add(new StoredField(Fields.FINGERPRINT, fingerprint(agreement)));
        return new Document[]{currentDoc, published};
    }

    private Prepared prepare(Text text, List<String> themes) {
        SearchText readable = markdown.searchText(text.body());
        return new Prepared(text, readable, Replay.of(analyzer, Fields.TITLE, text.title()),
                Replay.of(analyzer, Fields.BODY, readable.body()), Replay.of(analyzer, Fields.HEADINGS, readable.headings()),
                Replay.of(analyzer, Fields.TITLE_WORDS, text.title()),
                Replay.of(analyzer, Fields.SPELL, text.title() + "\n" + String.join("\n", themes) + "\n"
                        + readable.body()));
    }

    /**
     * A hash of everything the public document holds. Of the leaks only the published count: linking
     * an unpublished leak leaves the public document untouched, so nothing of it shows to outsiders.
     * Likewise only the public count of experiences: a pending one changes nothing there.
     */
    static String fingerprint(IndexedAgreement agreement) {
        Text text = agreement.endorsed();
        StringBuilder all = new StringBuilder();
        for (Object value : List.of(agreement.id(), agreement.koppelzoneId(), agreement.koppelzoneSlug(),
                agreement.koppelzoneName(), agreement.municipalitySlug(), agreement.municipalityName(),
                String.valueOf(agreement.jeugdregio()), agreement.adoptions(), agreement.publicExperiences(), agreement.themes(),
                agreement.parties(), text.revision(), text.createdAt(), text.title(), text.body(),
                agreement.publicLeaks())) {
            all.append(value).append('\u0000');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(all.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The weighted words of the text's title, headings and body and of the agreement's context. */
    private static WeightedTerms weighted(Prepared text, Replay context) {
        return WeightedTerms.of(List.of(Fields.TITLE, Fields.HEADINGS, Fields.CONTEXT, Fields.BODY),
                List.of(text.title(), text.headings(), context, text.body()));
    }

    /**
     * {@code leaks}: how many waardelekken it solves as the document's readers may see them; {@code experiences}:
     * likewise its visible experiences (members also see those waiting for a privacy confirmation).
     */
    private Document build(IndexedAgreement agreement, String kind, Prepared text, Replay context,
                           WeightedTerms weighted, String status, long updated, int leaks, int experiences) {
        Document doc = new Document();
        doc.add(new StringField(Fields.KEY, Fields.key(kind, agreement.id()), Field.Store.NO));
        doc.add(new StringField(Fields.KIND, kind, Field.Store.NO));
        doc.add(new StringField(Fields.AGREEMENT, Long.toString(agreement.id()), Field.Store.YES));
        doc.add(new NumericDocValuesField(Fields.ID_ORDER, agreement.id()));
        doc.add(new StringField(Fields.KOPPELZONE, Long.toString(agreement.koppelzoneId()), Field.Store.NO));
        doc.add(new StringField(Fields.MUNICIPALITY_SLUG, agreement.municipalitySlug(), Field.Store.YES));

        doc.add(new Field(Fields.TITLE, text.title(), HIGHLIGHTED));
        doc.add(new StoredField(Fields.TITLE, text.text().title()));
        doc.add(new Field(Fields.BODY, text.body(), HIGHLIGHTED_WITH_WORDS));
        doc.add(new StoredField(Fields.BODY, text.readable().body()));
        doc.add(new Field(Fields.HEADINGS, text.headings(), TextField.TYPE_NOT_STORED));
        doc.add(new Field(Fields.CONTEXT, context, TextField.TYPE_NOT_STORED));
        doc.add(new Field(Fields.WEIGHTED, weighted, WeightedTerms.TYPE));
        doc.add(new Field(Fields.TITLE_WORDS, text.titleWords(), WORDS));
        doc.add(new Field(Fields.SPELL, text.spell(), WORDS));

        doc.add(new NumericDocValuesField(Fields.UPDATED, updated));
        doc.add(new StoredField(Fields.UPDATED, updated));
        // on the current and the public document alike: only public adoptions are counted, so the
        // count is the same whoever searches, and sorting by it agrees for members and visitors
        doc.add(new NumericDocValuesField(Fields.ADOPTIONS, agreement.adoptions()));
        doc.add(new StoredField(Fields.ADOPTIONS, agreement.adoptions()));
        if (agreement.adoptions() > 0) {
            doc.add(new FeatureField(Fields.FEATURES, Fields.ADOPTIONS_FEATURE, agreement.adoptions()));
        }
        // experiences exist on public agreements only and hidden ones do not count; the public document
        // leaves out those waiting for a privacy confirmation, as the agreement's page does for outsiders
        doc.add(new NumericDocValuesField(Fields.EXPERIENCES, experiences));
        doc.add(new StoredField(Fields.EXPERIENCES, experiences));
        if (experiences > 0) {
            doc.add(new SortedSetDocValuesFacetField(Fields.FACET_EXPERIENCES, Fields.WITH_EXPERIENCES));
        }
        doc.add(new StoredField(Fields.LEAKS, leaks));
        if (leaks > 0) {
            doc.add(new SortedSetDocValuesFacetField(Fields.FACET_LEAKS, Fields.SOLVES_LEAK));
        }
        doc.add(new StoredField(Fields.STORED_KOPPELZONE_SLUG, agreement.koppelzoneSlug()));
        doc.add(new StoredField(Fields.STORED_KOPPELZONE_NAME, agreement.koppelzoneName()));
        doc.add(new StoredField(Fields.STORED_MUNICIPALITY, agreement.municipalityName()));
        doc.add(new StoredField(Fields.STORED_STATUS, status));
        doc.add(new StoredField(Fields.STORED_REVISION, text.text().revision()));

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
