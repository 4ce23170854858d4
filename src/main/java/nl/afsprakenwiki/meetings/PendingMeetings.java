package nl.afsprakenwiki.meetings;

import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.endorsements.MorePending;
import nl.afsprakenwiki.web.Paths;

import java.util.List;

/** A person's upcoming meetings and open action items, for "Mijn overzicht". */
public final class PendingMeetings implements MorePending {

    private final Meetings meetings;

    public PendingMeetings(Meetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public List<Entry> meetings(Viewer viewer) {
        return meetings.upcomingFor(viewer).stream().map(meeting -> new Entry("Overleg " + meeting.koppelzone().name()
                + ", " + Meetings.day(meeting.startsAt()), Paths.meeting(meeting.id()), meeting.location())).toList();
    }

    @Override
    public List<Entry> actions(Viewer viewer) {
        return meetings.openActionsOf(viewer).stream().map(action -> new Entry(action.description(),
                Paths.meeting(action.meetingId()), action.dueDate() == null ? "" : "uiterlijk " + action.dueDate())).toList();
    }
}
