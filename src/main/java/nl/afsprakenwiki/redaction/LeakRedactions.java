package nl.afsprakenwiki.redaction;

import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.text.Hashes;
import org.jdbi.v3.core.Handle;

import java.util.Arrays;
import java.util.Optional;

/**
 * Redaction of a waardelek's texts (docs/PRIVACY.md): a whole field of the leak (title, description,
 * example, reason) or a whole comment on it becomes {@link Occurrences#MARKER}, on the request of a
 * voorzitter of its koppelzone, by a beheerder, in one transaction with a record ({@code leak_redaction},
 * V029) and an audit event that hold both hashes, never the text. The copies go with it: a reason in the
 * leak's history, a title on the agenda items about the leak.
 */
public final class LeakRedactions {

    /** The leak's texts that can be redacted; {@code path} is the field's segment in the page's address. */
    public enum Field {
        TITLE("title", "titel"),
        DESCRIPTION("description", "beschrijving"),
        EXAMPLE("example", "voorbeeld"),
        REASON("reason", "reden");

        private final String column;
        private final String path;

        Field(String column, String path) {
            this.column = column;
            this.path = path;
        }

        public String code() {
            return column;
        }

        public String path() {
            return path;
        }

        /** The field named {@code value} by its code (API) or its segment (page). */
        public static Optional<Field> of(String value) {
            return Arrays.stream(values()).filter(f -> f.column.equals(value) || f.path.equals(value)).findFirst();
        }
    }

    private final Database db;
    private final WholeRedactions whole;

    public LeakRedactions(Database db, WholeRedactions whole) {
        this.db = db;
        this.whole = whole;
    }

    /** The current text of {@code field} of leak {@code leakId}. */
    public Optional<String> text(long leakId, Field field) {
        return db.read(handle -> handle.createQuery("SELECT " + field.column + " FROM leak WHERE id = :id")
                .bind("id", leakId).mapTo(String.class).findOne());
    }

    /** The current text of comment {@code commentId} on leak {@code leakId}. */
    public Optional<String> commentText(long leakId, long commentId) {
        return db.read(handle -> commentText(handle, leakId, commentId));
    }

    private static Optional<String> commentText(Handle handle, long leakId, long commentId) {
        return handle.createQuery("SELECT body FROM leak_comment WHERE id = :c AND leak_id = :l")
                .bind("c", commentId).bind("l", leakId).mapTo(String.class).findOne();
    }

    /** Replaces {@code field} of leak {@code leakId} (of {@code koppelzone}) and its copies by the marker. */
    public WholeRedactions.Done field(Koppelzone koppelzone, long leakId, Field field, String reason, String requestedBy,
                                      Viewer viewer) {
        WholeRedactions.mayRedact(koppelzone, viewer);
        return db.write(handle -> {
            WholeRedactions.Checked checked = whole.checked(handle, koppelzone, reason, requestedBy);
            String before = handle.createQuery("SELECT " + field.column + " FROM leak WHERE id = :id AND koppelzone_id = :zone")
                    .bind("id", leakId).bind("zone", koppelzone.id()).mapTo(String.class).findOne()
                    .orElseThrow(() -> new NotFound("leak " + leakId));
            if (before.isBlank()) {
                throw new InvalidInput("field", "error.redaction.noText");
            }
            handle.createUpdate("UPDATE leak SET " + field.column + " = :m WHERE id = :id")
                    .bind("m", Occurrences.MARKER).bind("id", leakId).execute();
            // the copies: the reason in the history's status events, the title on agenda items about the leak
            handle.createUpdate("INSERT INTO redaction_pending_leak (kind, source_id) VALUES ('event', :id)")
                    .bind("id", leakId).execute();
            handle.createUpdate("""
                            UPDATE leak_event SET detail = replace(detail, :before, :m)
                            WHERE leak_id = :id AND instr(detail, :before) > 0""")
                    .bind("before", before).bind("m", Occurrences.MARKER).bind("id", leakId).execute();
            handle.createUpdate("DELETE FROM redaction_pending_leak WHERE kind = 'event' AND source_id = :id")
                    .bind("id", leakId).execute();
            if (field == Field.TITLE) {
                handle.createUpdate("""
                                UPDATE meeting_item SET title = substr(replace(title, :before, :m), 1, 300)
                                WHERE id IN (SELECT item_id FROM meeting_item_leak WHERE leak_id = :id)
                                  AND instr(title, :before) > 0""")
                        .bind("before", before).bind("m", Occurrences.MARKER).bind("id", leakId).execute();
            }
            return record(handle, koppelzone, leakId, null, field.column, before, checked, viewer);
        });
    }

    /** Replaces comment {@code commentId} on leak {@code leakId} (of {@code koppelzone}) by the marker. */
    public WholeRedactions.Done comment(Koppelzone koppelzone, long leakId, long commentId, String reason, String requestedBy,
                                        Viewer viewer) {
        WholeRedactions.mayRedact(koppelzone, viewer);
        return db.write(handle -> {
            WholeRedactions.Checked checked = whole.checked(handle, koppelzone, reason, requestedBy);
            String before = commentText(handle, leakId, commentId).orElseThrow(() -> new NotFound("comment " + commentId));
            handle.createUpdate("INSERT INTO redaction_pending_leak (kind, source_id) VALUES ('comment', :c)")
                    .bind("c", commentId).execute();
            handle.createUpdate("UPDATE leak_comment SET body = :m WHERE id = :c").bind("m", Occurrences.MARKER)
                    .bind("c", commentId).execute();
            handle.createUpdate("DELETE FROM redaction_pending_leak WHERE kind = 'comment' AND source_id = :c")
                    .bind("c", commentId).execute();
            return record(handle, koppelzone, leakId, commentId, "comment", before, checked, viewer);
        });
    }

    private WholeRedactions.Done record(Handle handle, Koppelzone koppelzone, long leakId, Long commentId, String field,
                                        String before, WholeRedactions.Checked checked, Viewer viewer) {
        String oldSha = Hashes.sha256(before);
        String newSha = Hashes.sha256(Occurrences.MARKER);
        long id = whole.shared(handle.createUpdate("""
                        INSERT INTO leak_redaction (leak_id, comment_id, field, koppelzone_id, old_sha256, new_sha256, reason,
                            requested_by, requested_by_account_id, redacted_by, redacted_by_account_id, redacted_at)
                        VALUES (:leak, :comment, :field, :zone, :old, :new, :reason, :req, :reqId, :by, :byId, :at)""")
                .bind("leak", leakId).bind("comment", commentId).bind("field", field).bind("zone", koppelzone.id()),
                oldSha, newSha, checked, viewer).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        whole.audit(handle, viewer, checked, "leak.redact", "leak:" + leakId, koppelzone,
                commentId == null ? "field" : "comment", commentId == null ? field : commentId, oldSha, newSha, id);
        return new WholeRedactions.Done(id, field, oldSha, newSha);
    }
}
