package nl.afsprakenwiki.meetings;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.InvalidInput.FieldError;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.meetings.MeetingRecords.Kind;
import nl.afsprakenwiki.meetings.MeetingRecords.Meeting;
import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.privacy.Screening;
import nl.afsprakenwiki.privacy.TextGuard;
import nl.afsprakenwiki.privacy.TextSource;
import nl.afsprakenwiki.text.CleanText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A free agenda topic the voorzitter adds to a meeting (issue 17): its title and detail pass the privacy
 * guard as they will be stored, inside the transaction that stores them, like every other text of a
 * meeting. Confirmations are stored under {@link TextSource#TOPIC} with the agenda item's id.
 */
final class AgendaTopics {

    static final int MAX_TITLE = 300;
    static final int MAX_DETAIL = 2000;

    private final Database db;
    private final MeetingStore store;
    private final RunningMeeting running;
    private final TextGuard guard;

    AgendaTopics(Database db, MeetingStore store, RunningMeeting running, TextGuard guard) {
        this.db = db;
        this.store = store;
        this.running = running;
        this.guard = guard;
    }

    /** The topic's screened fields as they are stored: {@code title} and {@code detail}. */
    static Map<String, String> fields(String title, String detail) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("detail", detail);
        return fields;
    }

    /**
     * Adds the topic at the end of the agenda, with the findings the chair ({@code author}) confirms;
     * refuses it (nothing written) for an unconfirmed high-confidence finding.
     */
    MeetingRecording.AddedTopic add(long meetingId, String title, String detail, Accepted accepted, Author author) {
        String cleanTitle = CleanText.line(title);
        String cleanDetail = CleanText.text(detail).replace("\r\n", "\n").strip();
        List<FieldError> errors = new ArrayList<>();
        if (cleanTitle.isEmpty() || cleanTitle.length() > MAX_TITLE) {
            errors.add(new FieldError("topic", "error.meeting.topic"));
        }
        if (cleanDetail.length() > MAX_DETAIL) {
            errors.add(new FieldError("detail", "error.meeting.topicDetail", MAX_DETAIL));
        }
        InvalidInput.throwIfAny(errors);
        Map<String, String> fields = fields(cleanTitle, cleanDetail);
        return db.write(handle -> {
            Meeting meeting = running.open(handle, meetingId);
            TextGuard.Subject subject = RunningMeeting.subject(TextSource.TOPIC, null, meeting);
            Screening screening = guard.check(handle, subject, fields, guard.parties(subject), accepted);
            long id = store.insertItem(handle, meetingId, Kind.VRIJ, null, null, cleanTitle, cleanDetail);
            guard.record(handle, subject.withId(id), screening, accepted, author);
            return new MeetingRecording.AddedTopic(id, screening.warnings());
        });
    }
}
