package nl.afsprakenwiki.adoption;

import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Refused;
import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementEditing;
import nl.afsprakenwiki.agreements.AgreementInput;
import nl.afsprakenwiki.agreements.AgreementPrivacy;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.Revision;
import nl.afsprakenwiki.agreements.SaveOutcome;
import nl.afsprakenwiki.agreements.TextDiff;
import nl.afsprakenwiki.agreements.ThreeWayMerge;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.ReadCache;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.koppelzones.Organisation;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adopting an endorsed agreement into another koppelzone (carried out by {@link Adopting}), and
 * keeping the adopted agreement in step with its source: the newer endorsed revisions of the source
 * can be taken over by three-way merge (base: the source revision last taken over; theirs: the
 * source's newest endorsed revision; mine: the adopter's own text).
 */
public final class Adoptions {

    private final Database db;
    private final AdoptionStore store;
    private final AgreementService agreements;
    private final AgreementEditing editing;
    private final AuditLog audit;
    private final ReadCache<Long, Links> links;
    private final Adopting adopting;

    public Adoptions(Database db, AgreementService agreements, AgreementEditing editing, KoppelzoneService koppelzones, AuditLog audit,
                     Clock clock, AgreementPrivacy privacy) {
        this.db = db;
        this.links = ReadCache.perAgreement(db, 10_000, agreementId -> agreementId);
        this.store = new AdoptionStore();
        this.agreements = agreements;
        this.editing = editing;
        this.audit = audit;
        this.adopting = new Adopting(store, agreements, editing, koppelzones, audit, clock, privacy);
    }

    AdoptionStore store() {
        return store;
    }

    Database db() {
        return db;
    }

    // --- adopting ---------------------------------------------------------------------------------

    /** A party of the source and the organisations of the target koppelzone it may become. */
    public record PartyChoice(Organisation source, List<Organisation> options, String proposed) {
    }

    /** The koppelzones where {@code viewer} may adopt {@code source} into ({@link Adopting#targets}). */
    public List<Koppelzone> targets(Agreement source, Viewer viewer) {
        return adopting.targets(source, viewer);
    }

    /** Whether {@code viewer} may adopt {@code source} anywhere ({@link Adopting#mayAdoptSomewhere}). */
    public boolean mayAdoptSomewhere(Agreement source, Viewer viewer) {
        return adopting.mayAdoptSomewhere(source, viewer);
    }

    /** For each party of the source, whom it may become in {@code target} ({@link Adopting#partyChoices}). */
    public List<PartyChoice> partyChoices(Agreement source, Koppelzone target) {
        return adopting.partyChoices(source, target);
    }

    /** Adopts the endorsed revision of {@code sourceId} into koppelzone {@code targetSlug} ({@link Adopting#adopt}). */
    public Revision adopt(long sourceId, String targetSlug, Map<String, String> mapping, Viewer viewer) {
        return adopting.adopt(sourceId, targetSlug, mapping, viewer);
    }

    // --- upstream updates -------------------------------------------------------------------------

    /** An agreement's place in its family: where it came from (if adopted) and who adopted it. */
    record Links(Optional<AdoptionStore.Link> link, List<AdoptionStore.Link> adopters) {
        boolean none() {
            return link.isEmpty() && adopters.isEmpty();
        }
    }

    /**
     * Kept until a commit changes adoption rows that refer to this agreement (as the adopted one or as
     * the source: both columns refer to agreements): every agreement page asks for it.
     */
    Links links(long agreementId) {
        return links.get(agreementId, () -> db.read(handle -> new Links(store.link(handle, agreementId),
                store.adoptionsOf(handle, agreementId))));
    }

    /** Where an adopted agreement came from, if it was adopted. */
    public Optional<AdoptionStore.Link> link(long agreementId) {
        return links(agreementId).link();
    }

    /**
     * A newer endorsed revision of the source than the one the adopter's text is in step with.
     *
     * @param dismissed the adopter chose not to take over this revision
     */
    public record Upstream(Agreement source, int synced, int latest, TextDiff.Comparison title,
                           TextDiff.Comparison body, boolean dismissed) {
    }

    public Optional<Upstream> upstream(long agreementId, Viewer viewer) {
        return link(agreementId).flatMap(link -> agreements.find(link.sourceId(), viewer)
                .filter(Agreement::published)
                .filter(source -> source.endorsedRevision() > link.syncedRevision())
                .flatMap(source -> agreements.compare(source.id(), link.syncedRevision(), source.endorsedRevision(), viewer)
                        .map(diff -> new Upstream(source, link.syncedRevision(), source.endorsedRevision(), diff.title(),
                                diff.body(), link.dismissedRevision() != null
                                        && link.dismissedRevision() >= source.endorsedRevision()))));
    }

    /** What taking over an upstream revision led to. */
    public sealed interface MergeResult {
        /** Saved as a new draft revision (or the text already had the change). */
        record Merged(SaveOutcome outcome, int sourceRevision) implements MergeResult {
        }

        /**
         * Both changed the same blocks: nothing is written. {@code blocks} is the merge of the
         * adopter's revision {@code baseRevision} ({@code mine}) with source revision
         * {@code sourceRevision} ({@code theirs}), from the source revision the adopter's text
         * followed ({@code base}); {@code title} is the merged title, or the adopter's own when both changed it.
         */
        record Conflict(int baseRevision, int sourceRevision, String title, boolean titleConflict,
                        nl.afsprakenwiki.agreements.MergeResult blocks, Revision base, Revision mine, Revision theirs)
                implements MergeResult {
            /** Conflicting blocks, plus one for the title if that conflicts too. */
            public int conflicts() {
                return blocks.conflicts().size() + (titleConflict ? 1 : 0);
            }
        }
    }

    public MergeResult mergeUpstream(long agreementId, Viewer viewer) {
        Upstream upstream = upstream(agreementId, viewer).orElseThrow(() -> Refused.conflict("refused.upToDate"));
        var own = agreements.version(agreementId, null, viewer).orElseThrow(() -> new NotFound("agreement")).revision();
        MergeResult.Conflict merge = merge(upstream, own, viewer);
        if (merge.titleConflict() || !merge.blocks().clean()) {
            return merge;
        }
        return new MergeResult.Merged(saveSynced(agreementId, own.number(), merge.title(), merge.blocks().text(), upstream,
                viewer), upstream.latest());
    }

    /**
     * The conflict taking over source revision {@code sourceRevision} had with the adopter's
     * revision {@code ownRevision}: the same merge again, for the form that resolves it block by
     * block. Refused unless that source revision is still the newest to take over.
     */
    public MergeResult.Conflict upstreamConflict(long agreementId, int ownRevision, int sourceRevision, Viewer viewer) {
        Upstream upstream = upstream(agreementId, viewer).filter(u -> u.latest() == sourceRevision)
                .orElseThrow(() -> Refused.conflict("refused.upToDate"));
        var own = agreements.version(agreementId, ownRevision, viewer)
                .orElseThrow(() -> new InvalidInput("baseRevision", "error.conflictPage.unknown")).revision();
        return merge(upstream, own, viewer);
    }

    /** The three-way merge of the adopter's text with the source's change (as a conflict, even when clean). */
    private MergeResult.Conflict merge(Upstream upstream, Revision own, Viewer viewer) {
        Revision base = agreements.version(upstream.source().id(), upstream.synced(), viewer).orElseThrow().revision();
        Revision theirs = agreements.version(upstream.source().id(), upstream.latest(), viewer).orElseThrow().revision();
        String title = ThreeWayMerge.mergeValue(base.title(), own.title(), theirs.title());
        var body = ThreeWayMerge.merge(base.body(), own.body(), theirs.body());
        return new MergeResult.Conflict(own.number(), upstream.latest(), title == null ? own.title() : title, title == null,
                body, base, own, theirs);
    }

    /** Saves the adopter's resolution of a conflicting upstream update; the text may hold no markers. */
    public SaveOutcome resolveUpstream(long agreementId, int baseRevision, int sourceRevision, String title, String body,
                                       Viewer viewer) {
        Upstream upstream = upstream(agreementId, viewer).filter(u -> u.latest() == sourceRevision)
                .orElseThrow(() -> Refused.conflict("refused.upToDate"));
        requireNoMarkers(body);
        return saveSynced(agreementId, baseRevision, title, body, upstream, viewer);
    }

    /**
     * Records an agreement that exists already as adopted from another, as it happened before this wiki
     * kept the link (the demo corpus): no text changes. {@code syncedRevision} is the source revision
     * the adopter took over last ({@code sourceRevision} or later). Never for an agreement that has a
     * source already.
     */
    public void recordEarlierAdoption(long agreementId, long sourceId, int sourceRevision, int syncedRevision, Instant at,
                                      Author by) {
        db.write(handle -> {
            if (store.link(handle, agreementId).isPresent()) {
                throw new IllegalStateException("agreement " + agreementId + " has a source already");
            }
            store.insert(handle, agreementId, sourceId, sourceRevision, by, at);
            if (syncedRevision > sourceRevision) {
                store.setSynced(handle, agreementId, syncedRevision);
            }
            audit.record(handle, by, "agreement.adopt", "agreement:" + agreementId, null,
                    Map.of("source", sourceId, "sourceRevision", sourceRevision, "syncedRevision", syncedRevision));
            return null;
        });
    }

    /** Not taking over this source revision: the notice stays away until the source is endorsed again. */
    public void dismiss(long agreementId, int sourceRevision, Viewer viewer) {
        Upstream upstream = upstream(agreementId, viewer).filter(u -> u.latest() == sourceRevision)
                .orElseThrow(() -> Refused.conflict("refused.upToDate"));
        db.write(handle -> {
            store.setDismissed(handle, agreementId, upstream.latest());
            audit.record(handle, viewer.author(), "agreement.upstreamDismissed", "agreement:" + agreementId, null,
                    Map.of("source", upstream.source().id(), "sourceRevision", upstream.latest()));
            return null;
        });
    }

    private SaveOutcome saveSynced(long agreementId, int baseRevision, String title, String body, Upstream upstream,
                                   Viewer viewer) {
        String summary = summary("Bijgewerkt met revisie " + upstream.latest() + " van de bron ("
                + upstream.source().koppelzone().name() + ")");
        var edit = new AgreementInput.Edit(baseRevision, title, body, summary, null, null);
        return editing.save(agreementId, edit, viewer.author(), (handle, outcome) -> {
            store.setSynced(handle, agreementId, upstream.latest());
            audit.record(handle, viewer.author(), "agreement.upstreamMerged", "agreement:" + agreementId, null,
                    Map.of("source", upstream.source().id(), "sourceRevision", upstream.latest()));
        });
    }

    static void requireNoMarkers(String body) {
        if (body != null && (body.contains(ThreeWayMerge.MINE_MARKER) || body.contains(ThreeWayMerge.THEIRS_MARKER))) {
            throw new InvalidInput("body", "error.merge.markers");
        }
    }

    static String summary(String text) {
        return text.length() <= AgreementInput.MAX_SUMMARY ? text : text.substring(0, AgreementInput.MAX_SUMMARY - 1) + "…";
    }

    /** Unused parties are simply left out; this keeps the mapping form's values as typed. */
    public static Map<String, String> mapping(Map<String, List<String>> form) {
        Map<String, String> mapping = new LinkedHashMap<>();
        form.forEach((key, values) -> {
            if (key.startsWith("partij-") && !values.isEmpty()) {
                mapping.put(key.substring("partij-".length()), values.get(0));
            }
        });
        return mapping;
    }
}
