package nl.afsprakenwiki.meetings;

import io.javalin.http.Context;
import nl.afsprakenwiki.meetings.MeetingRecords.Meeting;

/** The current request's subjects up to this layer: viewer, koppelzone, agreement and the meeting {@code {meeting}}. */
public class Current extends nl.afsprakenwiki.agreements.Current {

    public static final Key<Meeting> MEETING = new Key<>("aw.meeting", Meeting.class);

    protected Current() {
    }

    /** The meeting {@code {meeting}}; only members of its koppelzone get this far. */
    public static Meeting meeting(Context ctx) {
        return MEETING.get(ctx);
    }
}
