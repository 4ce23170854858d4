package nl.afsprakenwiki.meetings;

import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.endorsements.Overviews;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.leaks.Leak;
import nl.afsprakenwiki.leaks.Leaks;
import nl.afsprakenwiki.meetings.MeetingRecords.ActionItem;
import nl.afsprakenwiki.meetings.MeetingRecords.Kind;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The agenda a newly planned meeting proposes from its koppelzone's state, written in the planning transaction. */
final class AgendaProposal {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d-M-yyyy");

    private final MeetingStore store;
    private final AgreementService agreements;
    private final Leaks leaks;

    AgendaProposal(MeetingStore store, AgreementService agreements, Leaks leaks) {
        this.store = store;
        this.agreements = agreements;
        this.leaks = leaks;
    }

    /**
     * The proposed agenda: revisions awaiting endorsement (and who is missing), agreements past their
     * review date, proposals from adopters, new parties that have not taken note, open action items.
     */
    void propose(Handle handle, long meeting, Overviews.KoppelzoneOverview overview, Map<Long, String> titles) {
        for (var waiting : overview.waiting()) {
            String missing = String.join(", ", waiting.round().waitingFor().stream().map(Organisation::name).toList());
            store.insertItem(handle, meeting, Kind.BEKRACHTIGING, waiting.agreement().id(), waiting.round().round().revision(),
                    waiting.agreement().title(), missing.isEmpty() ? "" : AgendaText.of("agenda.waitingFor").text(missing).stored());
        }
        for (var item : overview.overdue()) {
            store.insertItem(handle, meeting, Kind.ONDERHOUD, item.id(), item.currentRevision(), item.title(),
                    AgendaText.of("agenda.reviewDatePassed").date(item.reviewDate()).stored());
        }
        for (long[] proposals : store.openSourceProposals(handle, overview.koppelzone().id())) {
            agreements.findForAccessCheck(proposals[0]).ifPresent(agreement -> store.insertItem(handle, meeting, Kind.BRONVOORSTEL,
                    agreement.id(), agreement.currentRevision(), titles.get(agreement.id()),
                    AgendaText.of("agenda.openProposals").count(proposals[1]).stored()));
        }
        for (var party : overview.newParties()) {
            if (party.pending() > 0) {
                store.insertItem(handle, meeting, Kind.TOETREDER, null, null,
                        AgendaText.of("agenda.acknowledgement").text(party.organisation().name()).stored(),
                        AgendaText.of("agenda.notAcknowledged").count(party.pending()).stored());
            }
        }
        for (ActionItem action : store.openActions(handle, overview.koppelzone().id())) {
            store.insertItem(handle, meeting, Kind.ACTIEPUNT, null, null, action.description(), action.dueDate() == null
                    ? AgendaText.of("agenda.actionOf").text(action.ownerName()).stored()
                    : AgendaText.of("agenda.actionOfDue").text(action.ownerName()).date(action.dueDate()).stored());
        }
    }

    /**
     * The koppelzone's open waardelekken (gesignaleerd, geagendeerd) as items of the kind 'vrij', each
     * linked to its leak (V024 meeting_item_leak); a gesignaleerd leak becomes geagendeerd.
     */
    void proposeLeaks(Handle handle, long meeting, long koppelzoneId, Instant starts, Viewer viewer) {
        String day = DAY.format(starts.atZone(Meetings.DUTCH_TIME));
        for (Leak leak : leaks.agendaLeaks(handle, koppelzoneId)) {
            String parties = String.join(", ", leak.parties().stream().map(Organisation::name).toList());
            long item = store.insertItem(handle, meeting, Kind.VRIJ, null, null, leak.title(),
                    AgendaText.of("agenda.leak").text(parties).text(leak.moment()).stored());
            leaks.agendaed(handle, item, leak.id(), viewer.author(), "overleg van " + day);
        }
    }
}
