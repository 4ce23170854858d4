package nl.afsprakenwiki.search;

import org.apache.lucene.facet.FacetsConfig;

import java.util.List;

/** The index's field names and facet dimensions, in one place. */
final class Fields {

    /**
     * One document per agreement in each index: "c:12" in the index of current texts (every
     * agreement, as members read it), "p:12" in the public index (published agreements, their
     * endorsed revision).
     */
    static final String KEY = "key";
    static final String AGREEMENT = "agreement";
    /** The agreement's id as a number, to break ties between equal scores the same way every time. */
    static final String ID_ORDER = "id_order";
    /** "current" documents are found by members of the koppelzone and beheerders; "public" ones by the rest. */
    static final String KIND = "kind";
    /**
     * A hash of everything the public document holds: a change that leaves it the same (a draft,
     * a proposal) does not touch the public index, so nothing about it shows in its statistics.
     */
    static final String FINGERPRINT = "fingerprint";
    static final String KOPPELZONE = "koppelzone";
    static final String MUNICIPALITY_SLUG = "municipality_slug";

    static final String TITLE = "title";
    static final String BODY = "body";
    /** The markdown headings: a word in a heading says more about the agreement than one in a sentence. */
    static final String HEADINGS = "headings";
    /**
     * Themes, party organisations, municipality, koppelzone and jeugdregio in one field, so that
     * "afschaling Utrecht" finds Utrecht's agreements. One field rather than three: every query word
     * is matched against each text field, and fewer fields make every query cheaper.
     */
    static final String CONTEXT = "context";
    /**
     * Every word of title, headings, context and text once per document, its frequency the sum of
     * its frequencies in those fields times their weights ({@link FieldQueries#FIELDS}), its length
     * their weighted lengths: BM25 over this one field is BM25F over the four, read from one posting
     * list per word instead of four (see {@link WeightedTerms}).
     */
    static final String WEIGHTED = "weighted";
    /**
     * Readable words of the document's text: the source of "Bedoelde u …?" and term suggestions
     * (the public index's for everyone, a member's own drafts' in the index of current texts).
     */
    static final String SPELL = "spell";
    /** The title's words, unstemmed, for suggestions while typing. */
    static final String TITLE_WORDS = "title_words";
    static final String UPDATED = "updated";
    /**
     * How often the agreement was adopted by other koppelzones (adoptions that are public themselves):
     * doc values to sort by, stored to show. The same on every document of the agreement.
     */
    static final String ADOPTIONS = "adoptions";
    /** Feature values for ranking priors: {@link #ADOPTIONS_FEATURE}, absent when 0. */
    static final String FEATURES = "features";
    static final String ADOPTIONS_FEATURE = "adoptions";
    /** How many visible experiences from elsewhere (ervaringen) the agreement has: to sort by and to show. */
    static final String EXPERIENCES = "experiences";
    /**
     * How many waardelekken the agreement solves, as the document's readers may see them: every
     * linked leak on the current document (its koppelzone's members see them all), only solved and
     * published ones on the public document. Stored to show on the hit.
     */
    static final String LEAKS = "leaks";

    static final String STORED_KOPPELZONE_SLUG = "koppelzone_slug";
    static final String STORED_KOPPELZONE_NAME = "koppelzone_name";
    static final String STORED_MUNICIPALITY = "municipality_name";
    static final String STORED_STATUS = "status";
    static final String STORED_REVISION = "revision";

    static final String KIND_CURRENT = "current";
    static final String KIND_PUBLIC = "public";

    /** Facet dimensions; the names are also the API's filter parameters. */
    static final String FACET_MUNICIPALITY = "municipality";
    static final String FACET_REGION = "jeugdregio";
    static final String FACET_THEME = "theme";
    static final String FACET_PARTY_KIND = "party";
    static final String FACET_STATUS = "status";
    /** "met ervaringen": the one value, on agreements with at least one visible experience. */
    static final String FACET_EXPERIENCES = "experiences";
    static final String WITH_EXPERIENCES = "met";
    /** "lost een waardelek op": the one value, on agreements that solve a leak the searcher may see. */
    static final String FACET_LEAKS = "leaks";
    static final String SOLVES_LEAK = "ja";
    static final List<String> FACETS = List.of(FACET_MUNICIPALITY, FACET_REGION, FACET_THEME, FACET_PARTY_KIND,
            FACET_STATUS, FACET_EXPERIENCES, FACET_LEAKS);

    private Fields() {
    }

    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(FACET_THEME, true);
        config.setMultiValued(FACET_PARTY_KIND, true);
        return config;
    }

    static String key(String kind, long agreementId) {
        return (KIND_CURRENT.equals(kind) ? "c:" : "p:") + agreementId;
    }
}
