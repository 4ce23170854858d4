package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput.FieldError;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Refused;
import nl.afsprakenwiki.agreements.AgreementInput.Details;
import nl.afsprakenwiki.agreements.AgreementInput.Draft;
import nl.afsprakenwiki.agreements.AgreementInput.Edit;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneStore;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.text.CleanText;
import nl.afsprakenwiki.text.Slugs;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writing agreements: creating one with revision 1, saving a new revision (with a three-way merge
 * when someone else saved meanwhile), restoring an older revision. One transaction per change, the
 * audit event inside it; reading is {@link AgreementService}.
 */
public final class AgreementEditing {

    private final Database db;
    private final AgreementStore store;
    private final KoppelzoneStore koppelzones;
    private final AuditLog audit;
    private final Clock clock;
    private final MarkdownRenderer markdown;
    private final AgreementDetails metadata;
    private final AgreementPrivacy privacy;

    public AgreementEditing(Database db, AgreementStore store, KoppelzoneStore koppelzones, AuditLog audit,
                            MarkdownRenderer markdown, Clock clock, PartiesChanged partiesChanged, AgreementPrivacy privacy) {
        this.privacy = privacy;
        this.db = db;
        this.store = store;
        this.koppelzones = koppelzones;
        this.audit = audit;
        this.clock = clock;
        this.markdown = markdown;
        this.metadata = new AgreementDetails(store, koppelzones, audit, partiesChanged);
    }

    /**
     * More work for the same transaction as a create or save, e.g. recording where an adopted
     * agreement came from, so that both happen or neither does.
     */
    @FunctionalInterface
    public interface InSameTransaction<T> {
        void accept(Handle handle, T result);
    }

    /** Creates an agreement in a koppelzone with revision 1. */
    public Revision create(long koppelzoneId, Draft draft, Author author) {
        return create(koppelzoneId, draft, author, (handle, revision) -> { });
    }

    /** {@link #create(long, Draft, Author)}, then {@code then} in the same transaction. */
    public Revision create(long koppelzoneId, Draft draft, Author author, InSameTransaction<Revision> then) {
        return create(koppelzoneId, draft, List.of(), author, then);
    }

    /**
     * {@link #create(long, Draft, Author, InSameTransaction)} with revision 1 including
     * {@code attachments} (files already stored, e.g. those of an adopted agreement).
     */
    public Revision create(long koppelzoneId, Draft draft, List<Attachment> attachments, Author author,
                           InSameTransaction<Revision> then) {
        return db.write(handle -> {
            Koppelzone koppelzone = koppelzones.byId(handle, koppelzoneId)
                    .orElseThrow(() -> new InvalidInput("koppelzone", "error.koppelzone.unknown"));
            List<FieldError> errors = new ArrayList<>();
            AgreementInput.checkText(draft.title(), draft.body(), draft.summary(), errors);
            checkRenderable(draft.body(), errors);
            Set<String> themes = AgreementInput.normaliseThemes(draft.details().themes(), errors);
            List<Long> parties = metadata.partyIds(handle, koppelzone, draft.details().partySlugs(), errors);
            AgreementPrivacy.checkReason(draft.accepted(), errors);
            AgreementInput.throwIfAny(errors);

            Instant now = clock.instant();
            RevisionContent content = RevisionContent.of(draft.title(), draft.body(), attachments);
            var screening = privacy.screenForSave(handle, null, koppelzone.id(), content, draft.summary(), draft.accepted());
            String slug = uniqueSlug(handle, koppelzone.id(), Slugs.of(content.title(), 80));
            long id = store.insertAgreement(handle, slug, koppelzone.id(), AgreementStatus.CONCEPT,
                    draft.details().reviewDate(), now);
            store.setParties(handle, id, parties);
            store.setThemes(handle, id, themes);
            String summary = draft.summary();
            Revision revision = store.appendRevision(handle, id, content, author, now, summary, null);
            audit.record(handle, author, "agreement.create", "agreement:" + id, koppelzone.id(),
                    Map.of("koppelzone", koppelzone.slug(), "revision", 1, "sha256", content.sha256()));
            privacy.recordAccepted(handle, revision, koppelzone.id(), screening, draft.accepted(), author);
            then.accept(handle, revision);
            return revision;
        });
    }

    /**
     * Saves an edit made on top of {@code edit.baseRevision()}. If that is no longer the current
     * revision, the edit is merged three-way with what was saved in between; a clean merge is
     * saved, an overlapping one is returned as a conflict and nothing is written.
     */
    public SaveOutcome save(long id, Edit edit, Author author) {
        return save(id, edit, author, (handle, outcome) -> { });
    }

    /**
     * {@link #save(long, Edit, Author)}, then {@code then} in the same transaction when the edit was
     * saved or needed no new revision (not after a conflict, when nothing is written).
     */
    public SaveOutcome save(long id, Edit edit, Author author, InSameTransaction<SaveOutcome> then) {
        return db.write(handle -> {
            SaveOutcome outcome = saveIn(handle, id, edit, author);
            if (!(outcome instanceof SaveOutcome.Conflict)) {
                then.accept(handle, outcome);
            }
            return outcome;
        });
    }

    private SaveOutcome saveIn(Handle handle, long id, Edit edit, Author author) {
        Agreement agreement = store.find(handle, id).orElseThrow(() -> new NotFound("agreement " + id));
        refuseIfRetired(agreement);
        List<FieldError> errors = new ArrayList<>();
        AgreementInput.checkText(edit.title(), edit.body(), edit.summary(), errors);
        checkRenderable(edit.body(), errors);
        int current = agreement.currentRevision();
        if (edit.baseRevision() < 1 || edit.baseRevision() > current) {
            errors.add(new FieldError("baseRevision", "error.baseRevision.unknown", edit.baseRevision(), current));
        }
        Details details = edit.details() == null ? null : metadata.check(handle, agreement, edit.details(), errors);
        AgreementPrivacy.checkReason(edit.accepted(), errors);
        AgreementInput.throwIfAny(errors);

        Revision theirs = store.revision(handle, id, current).orElseThrow();
        // a text edit leaves the files alone: the current revision's files are kept, whoever added them
        List<Attachment> files = store.attachments(handle, theirs.id());
        RevisionContent mine = RevisionContent.of(edit.title(), edit.body(), files);
        String summary = edit.summary();
        if (edit.baseRevision() == current) {
            // parties, themes and review date change without a new revision, so they are merged
            // against what the writer saw even when the text needs no merge
            boolean detailsSaved = metadata.apply(handle, agreement, details, edit.baseDetails(), author);
            if (mine.sameAs(theirs.title(), theirs.body())) {
                privacy.recordOnUnchanged(handle, theirs, agreement.koppelzone().id(), edit.accepted(), author);
                return new SaveOutcome.Unchanged(current, detailsSaved);
            }
            return saved(handle, id, agreement.koppelzone().id(), mine, author, summary, current, null, edit.accepted());
        }

        Revision base = store.revision(handle, id, edit.baseRevision()).orElseThrow();
        String title = ThreeWayMerge.mergeValue(base.title(), mine.title(), theirs.title());
        MergeResult body = ThreeWayMerge.merge(base.body(), mine.body(), theirs.body());
        if (title == null || !body.clean()) {
            return new SaveOutcome.Conflict(base, theirs, mine.title(), mine.body(), title, body);
        }
        boolean detailsSaved = metadata.apply(handle, agreement, details, edit.baseDetails(), author);
        RevisionContent merged = RevisionContent.of(title, body.text(), files);
        if (merged.sameAs(theirs.title(), theirs.body())) {
            return new SaveOutcome.Unchanged(current, detailsSaved);
        }
        return saved(handle, id, agreement.koppelzone().id(), merged, author, summary, edit.baseRevision(), current,
                edit.accepted());
    }

    /**
     * The conflict a save of {@code title} and {@code body}, written on top of revision
     * {@code mineBase}, had with revision {@code theirs}: the same merge again, for the page on
     * which the writer resolves it (the page sends the writer's text along, not the merge). Empty
     * unless {@code mineBase < theirs <= current}; it may be clean if the text was changed in between.
     */
    public Optional<SaveOutcome.Conflict> conflict(long id, int mineBase, int theirs, String title, String body) {
        return db.read(handle -> {
            Agreement agreement = store.find(handle, id).orElseThrow(() -> new NotFound("agreement " + id));
            if (mineBase < 1 || mineBase >= theirs || theirs > agreement.currentRevision()) {
                return Optional.empty();
            }
            Revision base = store.revision(handle, id, mineBase).orElseThrow();
            Revision other = store.revision(handle, id, theirs).orElseThrow();
            RevisionContent mine = RevisionContent.of(CleanText.line(title), CleanText.text(body));
            return Optional.of(new SaveOutcome.Conflict(base, other, mine.title(), mine.body(),
                    ThreeWayMerge.mergeValue(base.title(), mine.title(), other.title()),
                    ThreeWayMerge.merge(base.body(), mine.body(), other.body())));
        });
    }

    /** The outcome of a restore: the new revision, or nothing because the text already equals it. */
    public record Restored(Revision revision, boolean unchanged) {
    }

    /**
     * Makes the text of revision {@code number} current again, as a new revision. If
     * {@code expectedCurrent} is given and someone saved since, nothing happens and the caller
     * learns the actual current revision, so a restore never silently discards a save it did not see.
     */
    public Restored restore(long id, int number, Integer expectedCurrent, Author author) {
        return db.write(handle -> {
            Agreement agreement = store.find(handle, id).orElseThrow(() -> new NotFound("agreement " + id));
            refuseIfRetired(agreement);
            int current = agreement.currentRevision();
            if (expectedCurrent != null && expectedCurrent != current) {
                throw new StaleRevision(current);
            }
            Revision target = store.revision(handle, id, number)
                    .orElseThrow(() -> new InvalidInput("revision", "error.revision.unknown", number, current));
            Revision now = store.revision(handle, id, current).orElseThrow();
            if (now.sha256().equals(target.sha256())) {
                return new Restored(now, true);
            }
            // restoring a revision restores the files it included, as they were
            RevisionContent content = RevisionContent.of(target.title(), target.body(),
                    store.attachments(handle, target.id()));
            Revision revision = store.appendRevision(handle, id, content, author, clock.instant(),
                    "Revisie " + number + " hersteld", current);
            audit.record(handle, author, "agreement.restore", "agreement:" + id, agreement.koppelzone().id(),
                    Map.of("restored", number, "revision", revision.number(), "sha256", content.sha256()));
            return new Restored(revision, false);
        });
    }

    /** Thrown when a write was based on a revision that is no longer current and cannot be merged. */
    public static final class StaleRevision extends RuntimeException {
        private final int currentRevision;

        public StaleRevision(int currentRevision) {
            super("current revision is " + currentRevision);
            this.currentRevision = currentRevision;
        }

        public int currentRevision() {
            return currentRevision;
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    /** A retired agreement is closed: its text and details no longer change. */
    private static void refuseIfRetired(Agreement agreement) {
        if (agreement.status() == AgreementStatus.VERVALLEN) {
            throw Refused.conflict("refused.retired");
        }
    }

    private SaveOutcome saved(Handle handle, long id, long koppelzoneId, RevisionContent content, Author author,
                              String summary, int base, Integer mergedWith, AgreementInput.Acceptance accepted) {
        if (mergedWith != null) {
            List<FieldError> errors = new ArrayList<>();
            checkRenderable(content.body(), errors);
            AgreementInput.throwIfAny(errors);
        }
        // the text as it will be stored (after a merge, also what others wrote) must pass the privacy guard
        var screening = privacy.screenForSave(handle, id, koppelzoneId, content, summary, accepted);
        Revision revision = store.appendRevision(handle, id, content, author, clock.instant(), summary, base);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("revision", revision.number());
        details.put("base", base);
        details.put("sha256", content.sha256());
        if (mergedWith != null) {
            details.put("mergedWith", mergedWith);
        }
        audit.record(handle, author, "agreement.save", "agreement:" + id, koppelzoneId, details);
        privacy.recordAccepted(handle, revision, koppelzoneId, screening, accepted, author);
        return new SaveOutcome.Saved(revision, mergedWith);
    }

    /** Every stored revision must display as written; text flexmark cannot render is refused here. */
    private void checkRenderable(String body, List<FieldError> errors) {
        if (body == null || body.isBlank() || body.length() > AgreementInput.MAX_BODY) {
            return;
        }
        String problem = markdown.problem(RevisionContent.normaliseLineEndings(body));
        if (problem != null) {
            errors.add(new FieldError("body", problem, MarkdownRenderer.MAX_LINKS_PER_PARAGRAPH));
        }
    }

    private String uniqueSlug(Handle handle, long koppelzoneId, String wanted) {
        String base = wanted.isEmpty() ? "afspraak" : wanted;
        String slug = base;
        for (int n = 2; store.idBySlug(handle, koppelzoneId, slug).isPresent(); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
