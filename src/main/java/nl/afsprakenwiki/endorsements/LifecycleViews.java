package nl.afsprakenwiki.endorsements;

import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.MorePending;
import nl.afsprakenwiki.agreements.Revision;
import nl.afsprakenwiki.agreements.TextDiff;

import nl.afsprakenwiki.privacy.TextPanel;
import java.util.List;
import java.util.Map;

/** View models of the lifecycle pages (one record per template). */
public final class LifecycleViews {

    private LifecycleViews() {
    }

    /** What a lifecycle form does. */
    public enum Action {
        PROPOSE("voorstellen"), WITHDRAW("intrekken"), RETIRE("laten-vervallen"), REVIEW_DATE("herzieningsdatum");

        private final String path;

        Action(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }

        public String key() {
            return "lifecycle." + name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
        }
    }

    /**
     * A confirmation form for one lifecycle move, with what it concerns and (after an error) what the
     * user typed and the message per field.
     *
     * @param comparison for a proposal: the change against the endorsed revision, if any
     * @param privacy    the privacy findings of a refused reason, with the writer's ticks (issue 17)
     */
    public record ActionForm(Action action, Agreement agreement, Revision revision, RoundViews.Block block,
                             TextDiff.Comparison comparison, String value, Map<String, String> errors, TextPanel privacy) {
        public ActionForm {
            privacy = privacy == null ? TextPanel.NONE : privacy;
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    /** Every endorsement round of an agreement that the viewer may see. */
    public record Rounds(Agreement agreement, String title, List<RoundViews.RoundView> rounds,
                         List<RoundViews.Redacted> redacted, Map<Long, TextPanel> confirmable) {
        public Rounds {
            confirmable = confirmable == null ? Map.of() : Map.copyOf(confirmable);
        }

        /** The findings of decision {@code decisionId}'s remark the viewer may confirm (issue 17), else none. */
        public TextPanel confirmable(long decisionId) {
            return confirmable.getOrDefault(decisionId, TextPanel.NONE);
        }

        /** The redactions of round {@code roundId}'s revision after it was proposed. */
        public List<RoundViews.Redacted> redactedIn(long roundId) {
            return redacted.stream().filter(note -> note.roundId() == roundId).toList();
        }
    }

    /** The managers' inbox; {@code errors} and {@code typed} belong to the agreement {@code failed}. */
    public record InboxView(List<Inbox.Item> items, boolean hasOrganisation, Long failed, String typed,
                            Map<String, String> errors, String notice, TextPanel privacy, String noticeKinds) {
        public InboxView {
            privacy = privacy == null ? TextPanel.NONE : privacy;
            noticeKinds = noticeKinds == null ? "" : noticeKinds;
        }

        /** The privacy findings of the remark refused for {@code agreementId} (issue 17), else none. */
        public TextPanel privacyFor(long agreementId) {
            return failed != null && failed == agreementId ? privacy : TextPanel.NONE;
        }

        public String error(String field) {
            return errors.get(field);
        }

        public String remarkFor(long agreementId) {
            return failed != null && failed == agreementId && typed != null ? typed : "";
        }

        public String errorFor(long agreementId) {
            return failed != null && failed == agreementId ? errors.get("remark") : null;
        }
    }

    public record KoppelzoneView(Overviews.KoppelzoneOverview overview, boolean mayRetire) {
    }

    /** "Afspraken die voor u gelden" for the viewer's organisation, and every new party's state. */
    public record ApplyingView(nl.afsprakenwiki.koppelzones.Koppelzone koppelzone, List<Overviews.NewParty> parties,
                               Overviews.NewParty mine, boolean mayAcknowledge, String notice) {
    }

    public record MineView(Overviews.Mine mine, List<MorePending.Section> more) {
    }
}
