package nl.afsprakenwiki.agreements;

import gg.jte.Content;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.Party;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** View models of the agreement pages (one record per template). */
public final class AgreementViews {

    private AgreementViews() {
    }

    /** Themes offered as checkboxes; agreements may use others too. From DOMAIN.md §2.7. */
    public static final List<String> SUGGESTED_THEMES = List.of(
            "toeleiding en verwijzing", "huisarts en poh", "triage", "consultatie en advies", "opschaling",
            "afschaling", "uitstroom en nazorg", "18-/18+", "crisis", "jeugdbescherming", "veiligheid", "onderwijs",
            "informatie-uitwisseling", "privacy", "wachtlijsten", "zorgbemiddeling", "verblijf", "pleegzorg",
            "administratie");

    /** A message shown once after an action, e.g. "saved, merged with revision 5". */
    public record Notice(String key, List<Object> arguments, boolean warning) {
        public Object[] args() {
            return arguments.toArray();
        }

        /** Shown right after the editor's text was stored: the browser may drop the copy it sent. */
        public boolean confirmsEdit() {
            return !warning && Set.of("notice.created", "notice.saved", "notice.merged", "notice.unchanged",
                    "notice.detailsSaved").contains(key);
        }
    }

    /**
     * The agreement page; also an older revision (then {@code current} is false and restore is offered).
     * {@code parts} are what other features add to the current revision's page (see {@link AgreementPanel}).
     */
    public record Show(Agreement agreement, Revision revision, String html, boolean current, Notice notice,
                       boolean mayEdit, boolean mayRestore, Map<AgreementPanel.Slot, List<Content>> parts) {

        /** The parts for one slot, by its name ({@code BANNER}, {@code BADGES}, {@code ACTIONS}, …). */
        public List<Content> parts(String slot) {
            return parts.getOrDefault(AgreementPanel.Slot.valueOf(slot), List.of());
        }
    }

    /** What the form holds, exactly as typed, so that nothing is lost when it comes back with errors. */
    public record FormValues(String title, String body, Set<String> parties, Set<String> themes, String otherThemes,
                             String reviewDate, String summary, int baseRevision,
                             Set<String> baseParties, Set<String> baseThemes, String baseReviewDate) {
    }

    /** The create and edit form. {@code agreementId} is null when creating. */
    public record Form(Long agreementId, Koppelzone koppelzone, List<Party> availableParties, FormValues values,
                       Map<String, String> errors, String previewHtml, boolean mayScheduleReview,
                       Templates templates, PrivacyPanel privacy) {
        public boolean creating() {
            return agreementId == null;
        }

        public List<String> suggestedThemes() {
            return SUGGESTED_THEMES;
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    /**
     * The templates a new agreement may start from, the one chosen ("" for an empty start) and its
     * hints, shown beside the editor.
     */
    public record Templates(List<nl.afsprakenwiki.templates.Template> available, String chosen,
                            List<nl.afsprakenwiki.markdown.MarkdownComments.Hint> hints) {
    }

    /** The history; {@code discussions} (meeting decisions) only for members of the koppelzone. */
    public record History(Agreement agreement, String title, List<RevisionEntry> revisions,
                          List<Discussions.Discussion> discussions, boolean mayRestore) {
        public List<Discussions.Discussion> discussionsOf(int revision) {
            return discussions.stream().filter(discussion -> discussion.revision() == revision).toList();
        }
    }

    public record Compare(Agreement agreement, String title, Revision from, Revision to, TextDiff.Comparison titleDiff,
                          TextDiff.Comparison bodyDiff, boolean sideBySide, List<Integer> numbers,
                          List<RenderedDiff.Block> blocks) {

        /** The rendered text with its changes (the default), rather than the markdown diff. */
        public boolean rendered() {
            return !blocks.isEmpty();
        }

        /** The side-by-side rows, long unchanged stretches folded away (see {@link SideRow#folded}). */
        public List<SideRow> sideRows() {
            return SideRow.folded(bodyDiff.rows());
        }
    }

    /** A row of the side-by-side view, or (row null) a fold of {@code hidden} unchanged lines. */
    public record SideRow(TextDiff.Row row, int hidden) {

        private static final int CONTEXT = 2;

        /**
         * The side-by-side rows with long unchanged stretches folded away: each change keeps two
         * unchanged rows of context on either side; a folded stretch becomes one row that says how
         * many lines it hides.
         */
        public static List<SideRow> folded(List<TextDiff.Row> rows) {
            boolean[] keep = new boolean[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).changed()) {
                    for (int j = Math.max(0, i - CONTEXT); j <= Math.min(rows.size() - 1, i + CONTEXT); j++) {
                        keep[j] = true;
                    }
                }
            }
            List<SideRow> result = new ArrayList<>();
            int hidden = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (keep[i]) {
                    if (hidden > 0) {
                        result.add(new SideRow(null, hidden));
                        hidden = 0;
                    }
                    result.add(new SideRow(rows.get(i), 0));
                } else {
                    hidden++;
                }
            }
            if (hidden > 0) {
                result.add(new SideRow(null, hidden));
            }
            return result;
        }
    }
}
