package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.agreements.AgreementService.Version;

import java.util.List;

/** View models of comparing two different agreements (e.g. the same subject in two municipalities). */
public final class AgreementPairViews {

    private AgreementPairViews() {
    }

    /** Two agreements as the viewer may see them, compared word by word: {@code a} is the old side, {@code b} the new. */
    public record Pair(Version a, Version b, TextDiff.Comparison title, TextDiff.Comparison body) {

        static Pair of(Version a, Version b) {
            return new Pair(a, b, TextDiff.compare(a.revision().title(), b.revision().title()),
                    TextDiff.compare(a.revision().body(), b.revision().body()));
        }

        /** The side-by-side rows, folded exactly as in the comparison of two revisions. */
        public List<AgreementViews.SideRow> sideRows() {
            return AgreementViews.SideRow.folded(body.rows());
        }
    }

    /**
     * The comparison page. {@code a} and {@code b} are the numbers as typed, for the form that
     * chooses the two agreements; {@code pair} is null until both are valid numbers.
     */
    public record Page(String a, String b, Pair pair, boolean inline) {

        /** A number was given but is not one: the form says so next to the field. */
        public boolean invalid(String value) {
            return value != null && !value.isBlank() && AgreementPages.optionalNumber(value).isEmpty();
        }
    }
}
