package nl.afsprakenwiki.adoption;

import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Refused;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementEditing;
import nl.afsprakenwiki.agreements.AgreementInput;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.MergeResult;
import nl.afsprakenwiki.agreements.Revision;
import nl.afsprakenwiki.agreements.RevisionContent;
import nl.afsprakenwiki.agreements.SaveOutcome;
import nl.afsprakenwiki.agreements.TextDiff;
import nl.afsprakenwiki.agreements.ThreeWayMerge;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.ReadCache;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.text.CleanText;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * "Voorstel aan de bron": an adopter offers its local change back to the source koppelzone, whose
 * members accept it (merged three-way into a new draft revision there, credited to the adopting
 * koppelzone) or decline it with a reason. The adopter sees the outcome.
 */
public final class SourceProposals {

    public static final int MAX_NOTE = 2_000;

    private final Adoptions adoptions;
    private final ReadCache<Long, Long> openCounts;
    private final AgreementService agreements;
    private final AgreementEditing editing;
    private final AuditLog audit;
    private final Clock clock;
    private final AdoptionMail mail;

    public SourceProposals(Adoptions adoptions, AgreementService agreements, AgreementEditing editing, AuditLog audit, Clock clock,
                           AdoptionMail mail) {
        this.mail = mail;
        this.adoptions = adoptions;
        this.openCounts = new ReadCache<>(adoptions.db(), 10_000);
        this.agreements = agreements;
        this.editing = editing;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sends the adopter's current text to the source; refused when it has no change of its own. */
    public SourceProposal propose(long agreementId, String note, Viewer viewer) {
        String cleanNote = CleanText.text(note).strip();
        if (cleanNote.length() > MAX_NOTE) {
            throw new InvalidInput("note", "error.note.tooLong", MAX_NOTE);
        }
        var link = adoptions.link(agreementId).orElseThrow(() -> Refused.conflict("refused.notAdopted"));
        var ownVersion = agreements.version(agreementId, null, viewer).orElseThrow(() -> new NotFound("agreement"));
        Revision own = ownVersion.revision();
        Agreement source = agreements.find(link.sourceId(), viewer).filter(Agreement::published)
                .orElseThrow(() -> Refused.conflict("refused.sourceGone"));
        Revision base = agreements.version(source.id(), link.syncedRevision(), viewer).orElseThrow().revision();
        if (RevisionContent.of(own.title(), own.body()).sameAs(base.title(), base.body())) {
            throw Refused.conflict("refused.noLocalChange");
        }
        String sourceTitle = agreements.version(source.id(), null, viewer).orElseThrow().revision().title();
        long id = adoptions.db().write(handle -> {
            long proposal = adoptions.store().insertProposal(handle, source.id(), agreementId, own.number(),
                    link.syncedRevision(), own.title(), own.body(), cleanNote, viewer.author(), clock.instant());
            audit.record(handle, viewer.author(), "sourceProposal.create", "agreement:" + source.id(),
                    source.koppelzone().id(), Map.of("proposal", proposal, "from", agreementId, "revision", own.number()));
            mail.proposalArrived(handle, source, sourceTitle, ownVersion.agreement().koppelzone(), proposal);
            return proposal;
        });
        return proposal(id);
    }

    /** A proposal with where it comes from and what it changes against the source revision it started from. */
    public record Incoming(SourceProposal proposal, Koppelzone from, TextDiff.Comparison title, TextDiff.Comparison body) {
    }

    /** The proposals to {@code sourceId}, open ones first, for its koppelzone's members. */
    public List<Incoming> incoming(long sourceId, Viewer viewer) {
        List<SourceProposal> proposals = adoptions.db().read(handle -> adoptions.store().proposalsTo(handle, sourceId));
        return proposals.stream().map(proposal -> {
            Revision base = agreements.version(sourceId, proposal.baseRevision(), viewer).orElseThrow().revision();
            Koppelzone from = agreements.findForAccessCheck(proposal.fromId()).orElseThrow().koppelzone();
            return new Incoming(proposal, from, TextDiff.compare(base.title(), proposal.title()),
                    TextDiff.compare(base.body(), proposal.body()));
        }).toList();
    }

    /** The proposals made from an adopted agreement, newest first, with their outcome. */
    public List<SourceProposal> outgoing(long agreementId) {
        return adoptions.db().read(handle -> adoptions.store().proposalsFrom(handle, agreementId));
    }

    /** How many proposals wait for the source's members: its agreement page asks on every member's view. */
    public long openCount(long sourceId) {
        return openCounts.get(sourceId, () -> adoptions.db().read(handle -> adoptions.store().openProposalsTo(handle, sourceId)));
    }

    /** What accepting led to: saved as a new draft revision, or a conflict to resolve. */
    public sealed interface Acceptance {
        record Accepted(SaveOutcome outcome) implements Acceptance {
        }

        /**
         * The proposal ({@code blocks}' "mine") and the source's revision {@code baseRevision}
         * ("theirs") changed the same blocks of {@code base}, the revision the proposal started
         * from; {@code title} is the merged title, or the current one when both changed it.
         */
        record Conflict(int baseRevision, String title, boolean titleConflict, MergeResult blocks, Revision base,
                        Revision current, SourceProposal proposal) implements Acceptance {
            /** Conflicting blocks, plus one for the title if that conflicts too. */
            public int conflicts() {
                return blocks.conflicts().size() + (titleConflict ? 1 : 0);
            }
        }
    }

    /** Merges the proposal into the source's current text (base: the source revision it started from). */
    public Acceptance accept(long sourceId, long proposalId, Viewer viewer) {
        SourceProposal proposal = open(sourceId, proposalId);
        Revision current = agreements.version(sourceId, null, viewer).orElseThrow(() -> new NotFound("agreement")).revision();
        Acceptance.Conflict merge = merge(sourceId, proposal, current, viewer);
        if (merge.titleConflict() || !merge.blocks().clean()) {
            return merge;
        }
        return new Acceptance.Accepted(saveAccepted(sourceId, proposal, current.number(), merge.title(),
                merge.blocks().text(), viewer));
    }

    /** The conflict accepting the proposal had with the source's revision {@code revision}: the same merge again. */
    public Acceptance.Conflict conflict(long sourceId, long proposalId, int revision, Viewer viewer) {
        SourceProposal proposal = open(sourceId, proposalId);
        Revision current = agreements.version(sourceId, revision, viewer)
                .orElseThrow(() -> new InvalidInput("baseRevision", "error.conflictPage.unknown")).revision();
        return merge(sourceId, proposal, current, viewer);
    }

    private Acceptance.Conflict merge(long sourceId, SourceProposal proposal, Revision current, Viewer viewer) {
        Revision base = agreements.version(sourceId, proposal.baseRevision(), viewer).orElseThrow().revision();
        String title = ThreeWayMerge.mergeValue(base.title(), proposal.title(), current.title());
        MergeResult body = ThreeWayMerge.merge(base.body(), proposal.body(), current.body());
        return new Acceptance.Conflict(current.number(), title == null ? current.title() : title, title == null, body,
                base, current, proposal);
    }

    /** Saves the source member's resolution of a conflicting proposal. */
    public SaveOutcome resolve(long sourceId, long proposalId, int baseRevision, String title, String body, Viewer viewer) {
        SourceProposal proposal = open(sourceId, proposalId);
        Adoptions.requireNoMarkers(body);
        return saveAccepted(sourceId, proposal, baseRevision, title, body, viewer);
    }

    public void decline(long sourceId, long proposalId, String reason, Viewer viewer) {
        String why = CleanText.text(reason).strip();
        if (why.isEmpty()) {
            throw new InvalidInput("reason", "error.reason.required");
        }
        if (why.length() > MAX_NOTE) {
            throw new InvalidInput("reason", "error.reason.tooLong", MAX_NOTE);
        }
        SourceProposal proposal = open(sourceId, proposalId);
        adoptions.db().write(handle -> {
            adoptions.store().decide(handle, proposal.id(), SourceProposal.Status.AFGEWEZEN, viewer.displayName(), why, null,
                    clock.instant());
            audit.record(handle, viewer.author(), "sourceProposal.decline", "agreement:" + sourceId, null,
                    Map.of("proposal", proposal.id(), "reason", why));
            return null;
        });
    }

    private SaveOutcome saveAccepted(long sourceId, SourceProposal proposal, int baseRevision, String title, String body,
                                     Viewer viewer) {
        Koppelzone from = agreements.findForAccessCheck(proposal.fromId()).orElseThrow().koppelzone();
        // credited to the adopting koppelzone in the history, and to the person who proposed it
        String summary = Adoptions.summary("Voorstel van " + from.name() + " (" + from.municipality().name()
                + "), ingediend door " + proposal.proposedBy() + ", aanvaard");
        var edit = new AgreementInput.Edit(baseRevision, title, body, summary, null, null);
        return editing.save(sourceId, edit, viewer.author(), (handle, outcome) -> {
            Integer result = outcome instanceof SaveOutcome.Saved saved ? saved.revision().number() : null;
            adoptions.store().decide(handle, proposal.id(), SourceProposal.Status.AANVAARD, viewer.displayName(), "", result,
                    clock.instant());
            audit.record(handle, viewer.author(), "sourceProposal.accept", "agreement:" + sourceId, null,
                    Map.of("proposal", proposal.id(), "revision", result == null ? 0 : result));
        });
    }

    private SourceProposal open(long sourceId, long proposalId) {
        SourceProposal proposal = adoptions.db().read(handle -> adoptions.store().proposal(handle, proposalId))
                .filter(p -> p.sourceId() == sourceId).orElseThrow(() -> new NotFound("proposal"));
        if (!proposal.open()) {
            throw Refused.conflict("refused.proposalDecided");
        }
        return proposal;
    }

    private SourceProposal proposal(long id) {
        return adoptions.db().read(handle -> adoptions.store().proposal(handle, id)).orElseThrow();
    }
}
