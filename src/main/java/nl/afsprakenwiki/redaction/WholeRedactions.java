package nl.afsprakenwiki.redaction;

import nl.afsprakenwiki.text.Hashes;

import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.InvalidInput.FieldError;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Refused;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.redaction.RedactionStore.Requester;
import nl.afsprakenwiki.text.CleanText;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Redaction of a whole comment (with the texts it had before each edit) or of an agenda item's minutes
 * (docs/PRIVACY.md): the text becomes {@link Occurrences#MARKER}, on the request of the koppelzone's
 * voorzitter, by a beheerder, in one transaction with a record and an audit event that hold the hashes
 * before and after, never the text. Neither is in the search index; pages and exports read the database.
 */
public final class WholeRedactions {

    private final Database db;
    private final RedactionStore store = new RedactionStore();
    private final AuditLog audit;
    private final Clock clock;

    public WholeRedactions(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** What is kept of one such redaction. */
    public record Done(long id, String kind, String oldSha256, String newSha256) {
    }

    /**
     * The other texts that are redacted whole (V023): an experience or an endorsement's remark, which
     * belong to an agreement, and a decision's note or an action item's description, which belong to a
     * meeting. {@code owner} names the column that ties the row to its agreement or meeting.
     */
    public enum Text {
        EXPERIENCE("experience", "experience", "body", "agreement_id", "experience.redact", "agreement:"),
        REMARK("remark", "endorsement", "remark", "agreement_id", "endorsement.redactRemark", "agreement:"),
        DECISION("decision", "meeting_decision", "note", "meeting_id", "meeting.redactDecision", "meeting:"),
        ACTION("action", "action_item", "description", "meeting_id", "meeting.redactAction", "meeting:");

        final String code;
        final String table;
        final String column;
        final String owner;
        final String action;
        final String target;

        Text(String code, String table, String column, String owner, String action, String target) {
            this.code = code;
            this.table = table;
            this.column = column;
            this.owner = owner;
            this.action = action;
            this.target = target;
        }

        public String code() {
            return code;
        }
    }

    /** The current text of {@code kind} {@code id} that belongs to agreement or meeting {@code owner}. */
    public java.util.Optional<String> text(Text kind, long owner, long id) {
        return db.read(handle -> current(handle, kind, owner, id));
    }

    private static java.util.Optional<String> current(Handle handle, Text kind, long owner, long id) {
        return handle.createQuery("SELECT " + kind.column + " FROM " + kind.table + " WHERE id = :id AND " + kind.owner
                        + " = :owner").bind("id", id).bind("owner", owner).mapTo(String.class).findOne();
    }

    /**
     * Replaces the text of {@code kind} {@code id} (of agreement or meeting {@code owner}, in
     * {@code koppelzone}) by the marker, with a record and an audit event holding both hashes, never the text.
     */
    public Done text(Text kind, Koppelzone koppelzone, long owner, long id, String reason, String requestedBy, Viewer viewer) {
        mayRedact(koppelzone, viewer);
        return db.write(handle -> {
            Checked checked = checked(handle, koppelzone, reason, requestedBy);
            String before = current(handle, kind, owner, id).orElseThrow(() -> new NotFound(kind.code));
            if (before.isBlank()) {
                throw new InvalidInput("text", "error.redaction.noText");
            }
            handle.createUpdate("INSERT INTO redaction_pending_text (source, source_id) VALUES (:s, :id)")
                    .bind("s", kind.code).bind("id", id).execute();
            handle.createUpdate("UPDATE " + kind.table + " SET " + kind.column + " = :m WHERE id = :id")
                    .bind("m", Occurrences.MARKER).bind("id", id).execute();
            handle.createUpdate("DELETE FROM redaction_pending_text WHERE source = :s AND source_id = :id")
                    .bind("s", kind.code).bind("id", id).execute();
            if (kind == Text.DECISION) {
                // a decision "vervallen" copied its note into the agreement's retire reason
                handle.createUpdate("""
                                UPDATE agreement SET retired_reason = replace(retired_reason, :before, :m)
                                WHERE id = (SELECT agreement_id FROM meeting_decision WHERE id = :id)
                                  AND instr(retired_reason, :before) > 0""")
                        .bind("before", before).bind("m", Occurrences.MARKER).bind("id", id).execute();
            }
            String oldSha = Hashes.sha256(before);
            String newSha = Hashes.sha256(Occurrences.MARKER);
            long redaction = shared(handle.createUpdate("""
                            INSERT INTO text_redaction (kind, source_id, koppelzone_id, old_sha256, new_sha256, reason,
                                requested_by, requested_by_account_id, redacted_by, redacted_by_account_id, redacted_at)
                            VALUES (:kind, :id, :zone, :old, :new, :reason, :req, :reqId, :by, :byId, :at)""")
                    .bind("kind", kind.code).bind("id", id).bind("zone", koppelzone.id()), oldSha, newSha, checked, viewer)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit(handle, viewer, checked, kind.action, kind.target + owner, koppelzone, kind.code, id, oldSha, newSha, redaction);
            return new Done(redaction, kind.code, oldSha, newSha);
        });
    }

    /** The current text of comment {@code commentId} of agreement {@code agreementId}, for the redaction form. */
    public java.util.Optional<String> commentText(long agreementId, long commentId) {
        return db.read(handle -> handle.createQuery("SELECT body FROM comment WHERE id = :c AND agreement_id = :a")
                .bind("c", commentId).bind("a", agreementId).mapTo(String.class).findOne());
    }

    /** The minutes of agenda item {@code itemId} of meeting {@code meetingId}, for the redaction form. */
    public java.util.Optional<String> minutesText(long meetingId, long itemId) {
        return db.read(handle -> handle.createQuery("SELECT minutes FROM meeting_item WHERE id = :i AND meeting_id = :m")
                .bind("i", itemId).bind("m", meetingId).mapTo(String.class).findOne());
    }

    /** The voorzitters of a koppelzone, who may request a redaction there. */
    public List<Redactions.Voorzitter> voorzitters(long koppelzoneId) {
        return db.read(handle -> store.voorzitters(handle, koppelzoneId)).stream()
                .map(requester -> new Redactions.Voorzitter(requester.username(), requester.displayName())).toList();
    }

    /** Replaces comment {@code commentId} of {@code agreement} and its earlier texts by the marker. */
    public Done comment(Agreement agreement, long commentId, String reason, String requestedBy, Viewer viewer) {
        Koppelzone koppelzone = agreement.koppelzone();
        mayRedact(koppelzone, viewer);
        return db.write(handle -> {
            Checked checked = checked(handle, koppelzone, reason, requestedBy);
            String body = handle.createQuery("SELECT body FROM comment WHERE id = :c AND agreement_id = :a")
                    .bind("c", commentId).bind("a", agreement.id())
                    .mapTo(String.class).findOne().orElseThrow(() -> new NotFound("comment"));
            handle.createUpdate("INSERT INTO redaction_pending_comment (comment_id) VALUES (:c)").bind("c", commentId).execute();
            handle.createUpdate("UPDATE comment_edit SET body = :m WHERE comment_id = :c")
                    .bind("m", Occurrences.MARKER).bind("c", commentId).execute();
            handle.createUpdate("DELETE FROM redaction_pending_comment WHERE comment_id = :c").bind("c", commentId).execute();
            handle.createUpdate("UPDATE comment SET body = :m WHERE id = :c").bind("m", Occurrences.MARKER)
                    .bind("c", commentId).execute();
            return record(handle, "comment", commentId, body, checked, viewer, koppelzone, "comment.redact",
                    "agreement:" + agreement.id());
        });
    }

    /** Replaces the minutes of agenda item {@code itemId} of meeting {@code meetingId} by the marker. */
    public Done minutes(Koppelzone koppelzone, long meetingId, long itemId, String reason, String requestedBy, Viewer viewer) {
        mayRedact(koppelzone, viewer);
        return db.write(handle -> {
            Checked checked = checked(handle, koppelzone, reason, requestedBy);
            String minutes = handle.createQuery("SELECT minutes FROM meeting_item WHERE id = :i AND meeting_id = :m")
                    .bind("i", itemId).bind("m", meetingId).mapTo(String.class).findOne()
                    .orElseThrow(() -> new NotFound("item"));
            if (minutes.isEmpty()) {
                throw new InvalidInput("minutes", "error.redaction.noMinutes");
            }
            handle.createUpdate("UPDATE meeting_item SET minutes = :m WHERE id = :i").bind("m", Occurrences.MARKER)
                    .bind("i", itemId).execute();
            return record(handle, "minutes", itemId, minutes, checked, viewer, koppelzone, "meeting.redactMinutes",
                    "meeting:" + meetingId);
        });
    }

    private Done record(Handle handle, String kind, long subject, String before, Checked checked, Viewer viewer,
                        Koppelzone koppelzone, String action, String target) {
        String oldSha = Hashes.sha256(before);
        String newSha = Hashes.sha256(Occurrences.MARKER);
        long id = shared(handle.createUpdate("""
                        INSERT INTO content_redaction (kind, comment_id, meeting_item_id, old_sha256, new_sha256, reason,
                            requested_by, requested_by_account_id, redacted_by, redacted_by_account_id, redacted_at)
                        VALUES (:kind, :comment, :item, :old, :new, :reason, :req, :reqId, :by, :byId, :at)""")
                .bind("kind", kind).bind("comment", kind.equals("comment") ? subject : null)
                .bind("item", kind.equals("minutes") ? subject : null), oldSha, newSha, checked, viewer)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        audit(handle, viewer, checked, action, target, koppelzone, kind.equals("comment") ? "comment" : "item", subject,
                oldSha, newSha, id);
        return new Done(id, kind, oldSha, newSha);
    }

    /** Binds what every redaction record holds: both hashes, the reason, who asked and who did it, when. */
    Update shared(Update insert, String oldSha, String newSha, Checked checked, Viewer viewer) {
        return insert.bind("old", oldSha).bind("new", newSha).bind("reason", checked.reason())
                .bind("req", checked.requester().displayName()).bind("reqId", checked.requester().accountId())
                .bind("by", viewer.author().name()).bind("byId", viewer.author().accountId())
                .bind("at", clock.instant().toString());
    }

    /** The audit event of a redaction: what was redacted, both hashes, who asked and why - never the text. */
    void audit(Handle handle, Viewer viewer, Checked checked, String action, String target, Koppelzone koppelzone,
               String subjectKey, Object subject, String oldSha, String newSha, long redaction) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(subjectKey, subject);
        details.put("previousSha256", oldSha);
        details.put("sha256", newSha);
        details.put("requestedBy", checked.requester().username());
        details.put("reason", checked.reason());
        details.put("redaction", redaction);
        audit.record(handle, viewer.author(), action, target, koppelzone.id(), details);
    }

    /** The checked request: the voorzitter who asked, and why. */
    record Checked(Requester requester, String reason) {
    }

    Checked checked(Handle handle, Koppelzone koppelzone, String reason, String requestedBy) {
        List<FieldError> errors = new ArrayList<>();
        String why = CleanText.text(reason == null ? "" : reason).strip();
        if (why.isEmpty()) {
            errors.add(new FieldError("reason", "error.reason.required"));
        } else if (why.length() > Redactions.MAX_REASON) {
            errors.add(new FieldError("reason", "error.reason.tooLong", Redactions.MAX_REASON));
        }
        Requester requester = store.voorzitter(handle, requestedBy == null ? "" : requestedBy.strip(), koppelzone.id())
                .orElse(null);
        if (requester == null) {
            errors.add(new FieldError("requestedBy", "error.redaction.requester", koppelzone.name()));
        }
        InvalidInput.throwIfAny(errors);
        return new Checked(requester, why);
    }

    static void mayRedact(Koppelzone koppelzone, Viewer viewer) {
        if (!viewer.can(Permission.REDACT, koppelzone.id())) {
            throw Refused.forbidden("refused.redaction.beheerder");
        }
    }
}
