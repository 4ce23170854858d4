package nl.afsprakenwiki.meetings;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

/** SQL for moving and cancelling a meeting and for changing who is invited. Runs on a caller's handle. */
final class MeetingChangeStore {

    /** New time and place; keeps the start it had before when it moved, and raises the calendar sequence. */
    void change(Handle handle, long id, Instant startsAt, Instant endsAt, String location, Instant previousStartsAt) {
        handle.createUpdate("""
                        UPDATE meeting SET starts_at = :starts, ends_at = :ends, location = :location,
                               previous_starts_at = coalesce(:previous, previous_starts_at), sequence = sequence + 1
                        WHERE id = :id
                        """)
                .bind("starts", startsAt).bind("ends", endsAt).bind("location", location).bind("previous", previousStartsAt)
                .bind("id", id).execute();
    }

    void cancel(Handle handle, long id, String reason, String by, Instant at) {
        handle.createUpdate("""
                        UPDATE meeting SET cancelled_at = :at, cancelled_by = :by, cancel_reason = :reason, sequence = sequence + 1
                        WHERE id = :id
                        """)
                .bind("at", at).bind("by", by).bind("reason", reason).bind("id", id).execute();
    }

    void uninviteAll(Handle handle, long meetingId) {
        handle.createUpdate("DELETE FROM meeting_invitee WHERE meeting_id = :m").bind("m", meetingId).execute();
    }

    /** The usernames of the invitees, sorted, to compare and to fill in the form. */
    List<String> inviteeUsernames(Handle handle, long meetingId) {
        return handle.createQuery("""
                        SELECT a.username FROM meeting_invitee i JOIN account a ON a.id = i.account_id
                        WHERE i.meeting_id = :m ORDER BY a.username
                        """)
                .bind("m", meetingId).mapTo(String.class).list();
    }
}
