package nl.afsprakenwiki.meetings;

import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Refused;
import nl.afsprakenwiki.meetings.MeetingRecords.Item;
import nl.afsprakenwiki.meetings.MeetingRecords.Meeting;
import nl.afsprakenwiki.privacy.TextGuard;
import nl.afsprakenwiki.privacy.TextSource;
import org.jdbi.v3.core.Handle;

/** What every change to a running meeting reads first, inside its transaction: the meeting still open, the item on its agenda. */
final class RunningMeeting {

    private final MeetingStore store;

    RunningMeeting(MeetingStore store) {
        this.store = store;
    }

    /** The meeting, still open for recording: not closed, not cancelled. */
    Meeting open(Handle handle, long meetingId) {
        Meeting meeting = store.meeting(handle, meetingId).orElseThrow(() -> new NotFound("meeting"));
        if (meeting.cancelled()) {
            throw Refused.conflict("refused.meetingCancelled");
        }
        if (meeting.closed()) {
            throw Refused.conflict("refused.meetingClosed");
        }
        return meeting;
    }

    /** The item, if it is on the meeting's agenda. */
    Item item(Handle handle, long meetingId, long itemId) {
        return store.item(handle, itemId).filter(item -> item.meetingId() == meetingId)
                .orElseThrow(() -> new NotFound("agenda item"));
    }

    /** What the privacy guard checks and records a text of the meeting as (a new text has no {@code id} yet). */
    static TextGuard.Subject subject(TextSource source, Long id, Meeting meeting) {
        return new TextGuard.Subject(source, id, "meeting:" + meeting.id(), meeting.koppelzone().id());
    }
}
