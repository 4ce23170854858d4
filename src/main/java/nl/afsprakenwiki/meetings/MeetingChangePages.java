package nl.afsprakenwiki.meetings;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.koppelzones.Memberships;
import nl.afsprakenwiki.meetings.MeetingRecords.Meeting;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.Views;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The voorzitter moves a planned meeting (date, times, place, invitees) or cancels it with a reason,
 * on one page: {@code /overleggen/{meeting}/wijzigen}. Only before the meeting starts.
 */
public final class MeetingChangePages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final List<String> FIELDS = List.of("date", "startTime", "endTime", "location");

    private final Meetings meetings;
    private final Memberships memberships;
    private final Views views;

    MeetingChangePages(Meetings meetings, Memberships memberships, Views views) {
        this.meetings = meetings;
        this.memberships = memberships;
        this.views = views;
    }

    public void form(Context ctx) {
        Meeting meeting = Current.meeting(ctx);
        meetings.requireChangeable(meeting);
        form(ctx, meeting, "", Map.of());
    }

    public void change(Context ctx) {
        Meeting meeting = Current.meeting(ctx);
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(field -> values.put(field, ctx.formParam(field) == null ? "" : ctx.formParam(field)));
        List<String> invitees = ctx.formParams("invitees");
        try {
            meetings.change(meeting.id(), new Meetings.Plan(values.get("date"), values.get("startTime"), values.get("endTime"),
                    values.get("location"), invitees), Current.viewer(ctx));
            ctx.redirect(Paths.meeting(meeting.id()) + "?melding=gewijzigd");
        } catch (InvalidInput e) {
            ctx.status(422);
            render(ctx, meeting, values, invitees, views.texts(ctx).messages(e), "", Map.of());
        }
    }

    public void cancel(Context ctx) {
        Meeting meeting = Current.meeting(ctx);
        String reason = ctx.formParam("reason") == null ? "" : ctx.formParam("reason");
        try {
            meetings.cancel(meeting.id(), reason, Current.viewer(ctx));
            ctx.redirect(Paths.meeting(meeting.id()) + "?melding=geannuleerd");
        } catch (InvalidInput e) {
            ctx.status(422);
            form(ctx, meeting, reason, views.texts(ctx).messages(e));
        }
    }

    /** The form filled in with the meeting as it stands (and a cancellation reason that was refused). */
    private void form(Context ctx, Meeting meeting, String reason, Map<String, String> cancelErrors) {
        var start = meeting.startsAt().atZone(Meetings.DUTCH_TIME);
        Map<String, String> values = Map.of("date", start.toLocalDate().toString(), "startTime", TIME.format(start),
                "endTime", TIME.format(meeting.endsAt().atZone(Meetings.DUTCH_TIME)), "location", meeting.location());
        render(ctx, meeting, values, meetings.inviteeUsernames(meeting.id()), Map.of(), reason, cancelErrors);
    }

    private void render(Context ctx, Meeting meeting, Map<String, String> values, List<String> invitees,
                        Map<String, String> errors, String reason, Map<String, String> cancelErrors) {
        List<MeetingViews.Member> members = memberships.members(meeting.koppelzone().id()).stream()
                .map(member -> new MeetingViews.Member(member.username(), member.displayName())).toList();
        views.render(ctx, "meetings/change.jte", new MeetingViews.ChangeForm(meeting,
                new MeetingViews.PlanForm(meeting.koppelzone(), members, values, invitees, errors), reason, cancelErrors));
    }
}
