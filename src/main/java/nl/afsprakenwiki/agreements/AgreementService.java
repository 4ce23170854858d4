package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.ReadCache;
import nl.afsprakenwiki.files.FileType;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.web.Paths;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reading agreements as a viewer may see them: versions, lists, history, comparisons. Writing: {@link AgreementEditing}. */
public final class AgreementService {

    private final Database db;
    private final AgreementStore store;
    private final ReadCache<VersionKey, Optional<Version>> versions;
    private final ReadCache<ListKey, List<AgreementListItem>> lists;
    private final ReadCache<Integer, List<RecentChange>> recent;
    private final ReadCache<Boolean, List<AgreementStore.KoppelzoneCount>> counts;
    private final ReadCache<Long, List<Attachment>> attachments;

    public AgreementService(Database db, AgreementStore store) {
        this.db = db;
        this.store = store;
        this.versions = ReadCache.perAgreement(db, 5_000, VersionKey::id);
        this.lists = new ReadCache<>(db, 200);
        this.recent = new ReadCache<>(db, 4);
        this.counts = new ReadCache<>(db, 1);
        this.attachments = new ReadCache<>(db, 10_000);
    }

    /** {@code number} null is the current revision, whichever it is; a number is that revision only. */
    private record VersionKey(long id, Integer number) {
    }

    private record ListKey(Long koppelzoneId, AgreementStatus status, Long organisationId) {
    }

    /**
     * How many recent revisions are read before filtering them by what a viewer may see and grouping
     * them per agreement: enough that one busy agreement leaves room for the others.
     */
    private static final int RECENT_WINDOW = 1_000;

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
        Optional<Version> current = cachedVersion(id, null);
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

    /**
     * The files {@code revision} includes, by name. Whoever may see a revision (see {@link #version})
     * may see its files: a visitor those of the endorsed revision, a member those of every revision.
     */
    public List<Attachment> attachments(Revision revision) {
        return attachments.get(revision.id(), () -> db.read(handle -> store.attachments(handle, revision.id())));
    }

    /** The files of {@code revision} as its text may refer to them ({@code bijlage:NAME}), with their download addresses. */
    public Map<String, MarkdownRenderer.LinkedFile> linkedFiles(Revision revision) {
        return linkedFiles(revision.agreementId(), revision.number(), attachments(revision));
    }

    /** The files of revision {@code number} of agreement {@code agreementId}, as its text may link them. */
    static Map<String, MarkdownRenderer.LinkedFile> linkedFiles(long agreementId, int number, List<Attachment> attachments) {
        Map<String, MarkdownRenderer.LinkedFile> files = new HashMap<>();
        for (Attachment attachment : attachments) {
            files.put(attachment.name(), new MarkdownRenderer.LinkedFile(downloadPath(agreementId, number, attachment.name()),
                    FileType.fromCode(attachment.type()).map(FileType::image).orElse(false)));
        }
        return files;
    }

    /** Where a file of a revision is downloaded: {@code /afspraken/{id}/revisies/{n}/bijlagen/{name}}. */
    public static String downloadPath(Revision revision, String name) {
        return downloadPath(revision.agreementId(), revision.number(), name);
    }

    private static String downloadPath(long agreementId, int number, String name) {
        return Paths.agreement(agreementId, "/revisies/" + number + "/bijlagen/" + name);
    }

    public Optional<Agreement> find(long id, Viewer viewer) {
        return version(id, null, viewer).map(Version::agreement);
    }

    /** The agreement whatever its status; only for deciding access (see web.AccessFilter). */
    public Optional<Agreement> findForAccessCheck(long id) {
        return cachedVersion(id, null).map(Version::agreement);
    }

    /** Served from a {@link ReadCache}: the agreement page is the most visited page of the wiki. */
    private Optional<Version> cachedVersion(long id, Integer number) {
        return versions.get(new VersionKey(id, number), () -> db.read(handle -> store.find(handle, id)
                .flatMap(agreement -> store.revision(handle, id, number == null ? agreement.currentRevision() : number)
                        .map(revision -> new Version(agreement, revision)))));
    }

    /** The revisions {@code viewer} may see, newest first. */
    public List<RevisionEntry> history(long id, Viewer viewer) {
        return find(id, viewer).map(agreement -> db.read(handle -> store.history(handle, id)).stream()
                .filter(entry -> entry.number() <= agreement.currentRevision()).toList()).orElse(List.of());
    }

    /** Agreements {@code viewer} may see, optionally of one koppelzone and/or status, ordered by title. */
    public List<AgreementListItem> list(Long koppelzoneId, AgreementStatus status, Viewer viewer) {
        return visible(new ListKey(koppelzoneId, status, null), viewer);
    }

    /** Agreements {@code viewer} may see that {@code organisationId} is party to, ordered as {@link #list}. */
    public List<AgreementListItem> listOfOrganisation(long organisationId, Viewer viewer) {
        return visible(new ListKey(null, null, organisationId), viewer);
    }

    private List<AgreementListItem> visible(ListKey key, Viewer viewer) {
        List<AgreementListItem> all = lists.get(key,
                () -> db.read(handle -> store.list(handle, key.koppelzoneId(), key.status(), key.organisationId())));
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

    /** Per koppelzone id, how many agreements {@code viewer} may see there (koppelzones without any left out). */
    public Map<Long, Integer> countsPerKoppelzone(Viewer viewer) {
        Map<Long, Integer> visible = new HashMap<>();
        for (AgreementStore.KoppelzoneCount count : counts.get(true, () -> db.read(store::countsPerKoppelzone))) {
            int seen = viewer.can(Permission.READ_DRAFTS, count.koppelzoneId()) ? count.all() : count.published();
            if (seen > 0) {
                visible.put(count.koppelzoneId(), seen);
            }
        }
        return visible;
    }

    /**
     * The {@code limit} agreements most recently changed as {@code viewer} may see them, newest first,
     * each with how many of the recent revisions it got and from how many people.
     */
    public List<RecentGroup> recentlyChanged(int limit, Viewer viewer) {
        Map<Long, RecentChange> latest = new LinkedHashMap<>();
        Map<Long, Integer> changes = new HashMap<>();
        Map<Long, Set<String>> people = new HashMap<>();
        for (RecentChange change : recent.get(RECENT_WINDOW, () -> db.read(handle -> store.recentChanges(handle, RECENT_WINDOW)))) {
            boolean visible = change.published() || viewer.can(Permission.READ_DRAFTS, change.koppelzoneId());
            long id = change.agreementId();
            if (!visible || (!latest.containsKey(id) && latest.size() == limit)) {
                continue;
            }
            latest.putIfAbsent(id, change);
            changes.merge(id, 1, Integer::sum);
            people.computeIfAbsent(id, key -> new HashSet<>()).add(change.authorName());
        }
        return latest.values().stream().map(change -> new RecentGroup(change, changes.get(change.agreementId()),
                people.get(change.agreementId()).size())).toList();
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
}
