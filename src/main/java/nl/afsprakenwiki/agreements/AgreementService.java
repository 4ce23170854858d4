package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput.FieldError;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Refused;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.AgreementInput.Details;
import nl.afsprakenwiki.agreements.AgreementInput.Draft;
import nl.afsprakenwiki.agreements.AgreementInput.Edit;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.ReadCache;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneStore;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
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

/** Creating, editing (with three-way merge), restoring and reading agreements. */
public final class AgreementService {

    private static final String MINE_LABEL = "uw versie";

    private final Database db;
    private final AgreementStore store;
    private final KoppelzoneStore koppelzones;
    private final AuditLog audit;
    private final Clock clock;
    private final MarkdownRenderer markdown;
    private final AgreementDetails metadata;
    private final ReadCache<VersionKey, Optional<Version>> versions;
    private final ReadCache<ListKey, List<AgreementListItem>> lists;
    private final ReadCache<Integer, List<RecentChange>> recent;

    public AgreementService(Database db, AgreementStore store, KoppelzoneStore koppelzones, AuditLog audit,
                            MarkdownRenderer markdown, Clock clock, PartiesChanged partiesChanged) {
        this.db = db;
        this.markdown = markdown;
        this.metadata = new AgreementDetails(store, koppelzones, audit, partiesChanged);
        this.store = store;
        this.koppelzones = koppelzones;
        this.audit = audit;
        this.clock = clock;
        this.versions = new ReadCache<>(db, 2_000);
        this.lists = new ReadCache<>(db, 200);
        this.recent = new ReadCache<>(db, 4);
    }

    private record VersionKey(long id, int number) {
    }

    private record ListKey(Long koppelzoneId, AgreementStatus status) {
    }

    /** How many recent revisions are read before filtering them by what a viewer may see. */
    private static final int RECENT_WINDOW = 300;

    // --- reads ----------------------------------------------------------------------------------

    /** An agreement with one of its revisions (the current one when {@code number} is null). */
    public record Version(Agreement agreement, Revision revision) {
    }

    /**
     * An agreement and one of its revisions as {@code viewer} may see them: members of its koppelzone
     * (and beheerders) see every revision; everyone else only an endorsed agreement, as of its
     * endorsed revision, and nothing at all of a draft — as if it did not exist.
     */
    public Optional<Version> version(long id, Integer number, Viewer viewer) {
        Optional<Version> current = cachedVersion(id, 0);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Agreement agreement = current.get().agreement();
        // the current revision is at hand already: asking the cache again would cost another
        // data-version check on the hottest page of the wiki
        int wanted;
        if (viewer.can(Permission.READ_DRAFTS, agreement.koppelzone().id())) {
            wanted = number == null ? agreement.currentRevision() : number;
            return wanted == agreement.currentRevision() ? current : cachedVersion(id, wanted);
        }
        if (!agreement.published()) {
            return Optional.empty();
        }
        wanted = number == null ? agreement.endorsedRevision() : number;
        if (wanted > agreement.endorsedRevision()) {
            return Optional.empty();
        }
        Optional<Version> version = wanted == agreement.currentRevision() ? current : cachedVersion(id, wanted);
        return version.map(found -> new Version(agreement.asPublished(), found.revision()));
    }

    public Optional<Agreement> find(long id, Viewer viewer) {
        return version(id, null, viewer).map(Version::agreement);
    }

    /** The agreement whatever its status; only for deciding access (see web.AccessFilter). */
    public Optional<Agreement> findForAccessCheck(long id) {
        return cachedVersion(id, 0).map(Version::agreement);
    }

    /** Served from a {@link ReadCache}: the agreement page is the most visited page of the wiki. */
    private Optional<Version> cachedVersion(long id, int number) {
        return versions.get(new VersionKey(id, number), () -> db.read(handle -> store.find(handle, id)
                .flatMap(agreement -> store.revision(handle, id, number == 0 ? agreement.currentRevision() : number)
                        .map(revision -> new Version(agreement, revision)))));
    }

    /** The revisions {@code viewer} may see, newest first. */
    public List<RevisionEntry> history(long id, Viewer viewer) {
        return find(id, viewer).map(agreement -> db.read(handle -> store.history(handle, id)).stream()
                .filter(entry -> entry.number() <= agreement.currentRevision()).toList()).orElse(List.of());
    }

    /** Agreements {@code viewer} may see, optionally of one koppelzone and/or status, ordered by title. */
    public List<AgreementListItem> list(Long koppelzoneId, AgreementStatus status, Viewer viewer) {
        List<AgreementListItem> all = lists.get(new ListKey(koppelzoneId, status),
                () -> db.read(handle -> store.list(handle, koppelzoneId, status)));
        List<AgreementListItem> visible = new ArrayList<>();
        for (AgreementListItem item : all) {
            if (viewer.can(Permission.READ_DRAFTS, item.koppelzoneId())) {
                visible.add(item);
            } else if (item.published()) {
                visible.add(item.asPublished());
            }
        }
        return visible;
    }

    /** The latest revisions {@code viewer} may see. */
    public List<RecentChange> recentChanges(int limit, Viewer viewer) {
        return recent.get(RECENT_WINDOW, () -> db.read(handle -> store.recentChanges(handle, RECENT_WINDOW))).stream()
                .filter(change -> change.published() || viewer.can(Permission.READ_DRAFTS, change.koppelzoneId()))
                .limit(limit).toList();
    }

    /** Word-level comparison of two revisions of one agreement, or empty if either is not visible. */
    public record RevisionComparison(Agreement agreement, Revision from, Revision to, TextDiff.Comparison title,
                                     TextDiff.Comparison body) {
    }

    public Optional<RevisionComparison> compare(long id, int from, int to, Viewer viewer) {
        return version(id, from, viewer).flatMap(a -> version(id, to, viewer).map(b -> new RevisionComparison(
                b.agreement(), a.revision(), b.revision(), TextDiff.compare(a.revision().title(), b.revision().title()),
                TextDiff.compare(a.revision().body(), b.revision().body()))));
    }

    // --- writes ---------------------------------------------------------------------------------

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
        return db.write(handle -> {
            Koppelzone koppelzone = koppelzones.byId(handle, koppelzoneId)
                    .orElseThrow(() -> new InvalidInput("koppelzone", "error.koppelzone.unknown"));
            List<FieldError> errors = new ArrayList<>();
            AgreementInput.checkText(draft.title(), draft.body(), draft.summary(), errors);
            checkRenderable(draft.body(), errors);
            Set<String> themes = AgreementInput.normaliseThemes(draft.details().themes(), errors);
            List<Long> parties = metadata.partyIds(handle, koppelzone, draft.details().partySlugs(), errors);
            AgreementInput.throwIfAny(errors);

            Instant now = clock.instant();
            RevisionContent content = RevisionContent.of(draft.title(), draft.body());
            String slug = uniqueSlug(handle, koppelzone.id(), Slugs.of(content.title(), 80));
            long id = store.insertAgreement(handle, slug, koppelzone.id(), AgreementStatus.CONCEPT,
                    draft.details().reviewDate(), now);
            store.setParties(handle, id, parties);
            store.setThemes(handle, id, themes);
            String summary = AgreementInput.cleanSummary(draft.summary());
            Revision revision = store.appendRevision(handle, id, content, author, now, summary, null);
            audit.record(handle, author, "agreement.create", "agreement:" + id, koppelzone.id(),
                    Map.of("koppelzone", koppelzone.slug(), "revision", 1, "sha256", content.sha256()));
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
        AgreementInput.throwIfAny(errors);

        Revision theirs = store.revision(handle, id, current).orElseThrow();
        RevisionContent mine = RevisionContent.of(edit.title(), edit.body());
        String summary = AgreementInput.cleanSummary(edit.summary());
        if (edit.baseRevision() == current) {
            // parties, themes and review date change without a new revision, so they are merged
            // against what the writer saw even when the text needs no merge
            boolean detailsSaved = metadata.apply(handle, agreement, details, edit.baseDetails(), author);
            if (mine.sameAs(theirs.title(), theirs.body())) {
                return new SaveOutcome.Unchanged(current, detailsSaved);
            }
            return saved(handle, id, agreement.koppelzone().id(), mine, author, summary, current, null);
        }

        Revision base = store.revision(handle, id, edit.baseRevision()).orElseThrow();
        String title = ThreeWayMerge.mergeValue(base.title(), mine.title(), theirs.title());
        ThreeWayMerge.Result body = ThreeWayMerge.merge(base.body(), mine.body(), theirs.body(),
                MINE_LABEL, "revisie " + current + " van " + theirs.authorName());
        if (title == null || !body.clean()) {
            return new SaveOutcome.Conflict(edit.baseRevision(), theirs, mine.title(), mine.body(),
                    title == null ? mine.title() : title, body.text(), title == null,
                    body.conflicts() + (title == null ? 1 : 0));
        }
        boolean detailsSaved = metadata.apply(handle, agreement, details, edit.baseDetails(), author);
        RevisionContent merged = RevisionContent.of(title, body.text());
        if (merged.sameAs(theirs.title(), theirs.body())) {
            return new SaveOutcome.Unchanged(current, detailsSaved);
        }
        return saved(handle, id, agreement.koppelzone().id(), merged, author, summary, edit.baseRevision(), current);
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
            RevisionContent content = RevisionContent.of(target.title(), target.body());
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
                              String summary, int base, Integer mergedWith) {
        if (mergedWith != null) {
            List<FieldError> errors = new ArrayList<>();
            checkRenderable(content.body(), errors);
            AgreementInput.throwIfAny(errors);
        }
        Revision revision = store.appendRevision(handle, id, content, author, clock.instant(), summary, base);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("revision", revision.number());
        details.put("base", base);
        details.put("sha256", content.sha256());
        if (mergedWith != null) {
            details.put("mergedWith", mergedWith);
        }
        audit.record(handle, author, "agreement.save", "agreement:" + id, koppelzoneId, details);
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
