package nl.afsprakenwiki.meetings;

import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.endorsements.MorePending;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.Texts;

import java.util.List;

/** A person's upcoming meetings and open action items, for "Mijn overzicht". */
public final class PendingMeetings implements MorePending {

    private final Meetings meetings;

    public PendingMeetings(Meetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public List<Entry> meetings(Viewer viewer, Texts texts) {
        return meetings.upcomingFor(viewer).stream().map(meeting -> new Entry(texts.get("meeting.title",
                meeting.koppelzone().name(), texts.day(meeting.startsAt())), Paths.meeting(meeting.id()), meeting.cancelled()
                ? texts.get("meetings.status.geannuleerd") + ": " + meeting.cancelReason() : meeting.location())).toList();
    }

    @Override
    public List<Entry> actions(Viewer viewer, Texts texts) {
        return meetings.openActionsOf(viewer).stream().map(action -> new Entry(action.description(),
                Paths.meeting(action.meetingId()), action.dueDate() == null ? "" : texts.get("meeting.dueOn", texts.date(action.dueDate()))))
                .toList();
    }
}
