package nl.afsprakenwiki.meetings;

import nl.afsprakenwiki.agreements.AgreementListItem;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.Party;
import nl.afsprakenwiki.meetings.MeetingRecords.ActionItem;
import nl.afsprakenwiki.meetings.MeetingRecords.Meeting;
import nl.afsprakenwiki.meetings.MeetingRecords.Record;

import java.time.Instant;
import nl.afsprakenwiki.privacy.TextPanel;
import java.util.List;
import java.util.Map;

/** View models of the meeting pages (one record per template). */
public final class MeetingViews {

    private MeetingViews() {
    }

    public record MeetingList(Koppelzone koppelzone, List<Meeting> upcoming, List<Meeting> past, List<ActionItem> openActions,
                              boolean mayPlan, Instant now) {
    }

    /** A member of the koppelzone who can be invited: username and name. */
    public record Member(String username, String name) {
    }

    public record PlanForm(Koppelzone koppelzone, List<Member> members, Map<String, String> values,
                           List<String> invitees, Map<String, String> errors) {
        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    /** Moving or cancelling a meeting: the plan form filled in, and the cancellation with its reason. */
    public record ChangeForm(Meeting meeting, PlanForm plan, String reason, Map<String, String> cancelErrors) {
        public String cancelError() {
            return cancelErrors.get("reason");
        }
    }

    /**
     * The meeting page: the record for members, and for the chair while it is open the controls to
     * run it. {@code errors} belong to the form named by {@code failedForm} (with what was typed).
     */
    public record MeetingPage(Record record, boolean mayRun, boolean started, List<Party> parties, List<AgreementListItem> agreements,
                              List<Member> members, String failedForm, Map<String, String> typed, Map<String, String> errors,
                              String notice, Map<Long, String> minutesHtml, TextPanel privacy, String noticeKinds,
                              Map<Long, Long> leakItems) {
        public MeetingPage {
            leakItems = leakItems == null ? Map.of() : leakItems;
            privacy = privacy == null ? TextPanel.NONE : privacy;
            noticeKinds = noticeKinds == null ? "" : noticeKinds;
        }

        /** The privacy findings of the form named {@code form} when its save was refused (issue 17), else none. */
        public TextPanel privacy(String form) {
            return form.equals(failedForm) ? privacy : TextPanel.NONE;
        }

        /** Whether the minutes of the form {@code form} were refused: the page shows what was typed. */
        public boolean failed(String form) {
            return form.equals(failedForm);
        }

        /** The waardelek the agenda item {@code itemId} is about (issue 18), or null. */
        public Long leakOf(long itemId) {
            return leakItems.get(itemId);
        }

        /** The chair's controls: while the meeting is neither closed nor cancelled. */
        public boolean running() {
            return mayRun && record.meeting().planned();
        }

        /** The chair may still move or cancel it: planned and not started. */
        public boolean changeable() {
            return running() && !started;
        }

        public String error(String form, String field) {
            return form.equals(failedForm) ? errors.get(field) : null;
        }

        public String typed(String form, String field) {
            return form.equals(failedForm) ? typed.getOrDefault(field, "") : "";
        }

        public boolean present(long organisationId) {
            return record.presence().stream().anyMatch(p -> p.organisation().id() == organisationId && p.present());
        }

        public String names(long organisationId) {
            return record.presence().stream().filter(p -> p.organisation().id() == organisationId).map(MeetingRecords.Presence::names)
                    .findFirst().orElse("");
        }
    }
}
