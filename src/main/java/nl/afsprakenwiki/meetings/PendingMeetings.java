package nl.afsprakenwiki.meetings;

import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.MorePending;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.Texts;

import java.util.ArrayList;
import java.util.List;

/** A person's upcoming meetings and open action items, for "Mijn overzicht". */
public final class PendingMeetings implements MorePending {

    private final Meetings meetings;

    public PendingMeetings(Meetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public List<Section> sections(Viewer viewer, Texts texts) {
        List<Entry> upcoming = meetings.upcomingFor(viewer).stream().map(meeting -> new Entry(texts.get("meeting.title",
                meeting.koppelzone().name(), texts.day(meeting.startsAt())), Paths.meeting(meeting.id()), meeting.cancelled() ? texts.get("meetings.status.geannuleerd") + ": "
                + meeting.cancelReason() : meeting.location(),
                texts.get("meeting.ics"), Paths.meeting(meeting.id()) + "/uitnodiging.ics")).toList();
        List<Entry> actions = meetings.openActionsOf(viewer).stream().map(action -> new Entry(action.description(),
                Paths.meeting(action.meetingId()), action.dueDate() == null ? "" : texts.get("meeting.dueOn", texts.date(action.dueDate()))))
                .toList();
        List<Section> sections = new ArrayList<>();
        if (!upcoming.isEmpty()) {
            sections.add(new Section("overleggen", texts.get("mine.meetings"), upcoming));
        }
        if (!actions.isEmpty()) {
            sections.add(new Section("mijn-actiepunten", texts.get("mine.actions"), actions));
        }
        return sections;
    }
}
