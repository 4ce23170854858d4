package nl.afsprakenwiki.leaks;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.ReadCache;
import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.privacy.Screening;
import nl.afsprakenwiki.privacy.TextGuard;
import nl.afsprakenwiki.privacy.TextPanel;
import nl.afsprakenwiki.privacy.TextSource;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Waardelekken (issue 18): members of a koppelzone report them, its voorzitter moves their status,
 * links the agreements that solve them and publishes a solved one. One transaction per change, with
 * its audit event and an entry in the leak's append-only history; every free text passes the
 * privacy guard ({@link TextSource#LEAK}); what is entered is cleaned and checked by {@link LeakInput}.
 * Who may do what is the route's rule (docs/PERMISSIONS.md); who may see a leak is {@link #visible}.
 */
public final class Leaks {

    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 4000;
    public static final int MAX_SHORT = 80;
    public static final int MAX_EXAMPLE = 2000;
    public static final int MAX_REASON = 2000;

    private final Database db;
    private final LeakStore store = new LeakStore();
    private final AuditLog audit;
    private final Clock clock;
    private final TextGuard guard;
    private final LeakPublication publication;
    /**
     * Per agreement, the leaks it solves, for its page (read on every view; most agreements solve none).
     * Kept until a commit touches a table they were read from: a leak also names other agreements.
     */
    private final ReadCache<Long, List<Leak>> byAgreement;

    public Leaks(Database db, AuditLog audit, Clock clock, TextGuard guard) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.guard = guard;
        this.publication = new LeakPublication(db, store, guard);
        this.byAgreement = new ReadCache<>(db, 10_000);
    }

    /** What a member reports: the parties are organisation slugs of the koppelzone's parties. */
    public record Report(List<String> parties, String moment, String title, String description, String frequency,
                         String example) {
    }

    /** A leak may be seen by the members of its koppelzone (and beheerders), and by anyone once published. */
    public static boolean visible(Leak leak, Viewer viewer) {
        return viewer.can(Permission.READ_DRAFTS, leak.koppelzoneId()) || (leak.published() && leak.status() == Leak.Status.OPGELOST);
    }

    public Optional<Leak> find(long id) {
        return db.read(handle -> store.find(handle, id));
    }

    /** The leak if the viewer may see it, as they see it (outside the koppelzone: its public agreements only). */
    public Optional<Leak> find(long id, Viewer viewer) {
        return find(id).filter(leak -> visible(leak, viewer)).map(leak -> as(leak, viewer));
    }

    /** The leak as the viewer sees it: members all of it, others only its public agreements. */
    public static Leak as(Leak leak, Viewer viewer) {
        return viewer.can(Permission.READ_DRAFTS, leak.koppelzoneId()) ? leak : leak.publicView();
    }

    /** The koppelzone's leaks, filtered by status and moment when given (null: all). */
    public List<Leak> ofKoppelzone(long koppelzoneId, Leak.Status status, String moment) {
        return db.read(handle -> store.ofKoppelzone(handle, koppelzoneId)).stream()
                .filter(leak -> status == null || leak.status() == status)
                .filter(leak -> moment == null || moment.isBlank() || leak.moment().equals(moment))
                .toList();
    }

    /** The leaks an agreement solves that the viewer may see. */
    public List<Leak> ofAgreement(long agreementId, Viewer viewer) {
        return byAgreement.get(agreementId, () -> db.read(handle -> store.ofAgreement(handle, agreementId))).stream()
                .filter(leak -> visible(leak, viewer)).toList();
    }

    /**
     * The koppelzone's leaks its chain draws, as {@code viewer} may see them: the open ones (gesignaleerd,
     * geagendeerd, in behandeling; members only) and the solved ones (outside the koppelzone only when
     * published, with their public agreements). Leaks not taken up are not drawn.
     */
    public List<Leak> onChain(long koppelzoneId, Viewer viewer) {
        return ofKoppelzone(koppelzoneId, null, null).stream()
                .filter(leak -> leak.status() != Leak.Status.NIET_OPGEPAKT)
                .filter(leak -> visible(leak, viewer))
                .map(leak -> as(leak, viewer))
                .toList();
    }

    /** The koppelzone's agreements a leak can be linked to. */
    public List<Leak.LinkedAgreement> agreementChoices(long koppelzoneId) {
        return db.read(handle -> store.agreementChoices(handle, koppelzoneId));
    }

    public List<Leak.Event> history(long leakId) {
        return db.read(handle -> store.events(handle, leakId));
    }

    public List<Leak.Comment> comments(long leakId) {
        return db.read(handle -> store.comments(handle, leakId));
    }

    /** A member reports a leak between two or more parties of the koppelzone. */
    public Leak report(long koppelzoneId, Report report, Accepted accepted, Author author) {
        Report clean = LeakInput.cleaned(report);
        return db.write(handle -> {
            List<Long> parties = store.partyIds(handle, koppelzoneId, clean.parties());
            LeakInput.checkReport(clean, parties);
            Map<String, String> fields = Screening.fields("title", clean.title(), "description", clean.description(),
                    "example", clean.example());
            TextGuard.Subject subject = new TextGuard.Subject(TextSource.LEAK, null, "koppelzone:" + koppelzoneId, koppelzoneId);
            Screening screening = guard.check(handle, subject, fields, guard.parties(koppelzoneId), accepted);
            Instant now = clock.instant();
            long id = store.insert(handle, koppelzoneId, clean.moment(), clean.title(), clean.description(), clean.frequency(),
                    clean.example(), author.accountId(), author.name(), now);
            parties.forEach(party -> store.addParty(handle, id, party));
            store.event(handle, id, "gemeld", Leak.Status.GESIGNALEERD, "", author.name(), now);
            audit.record(handle, author, "leak.report", "leak:" + id, koppelzoneId,
                    Map.of("name", clean.title(), "parties", parties.size()));
            guard.record(handle, subject(koppelzoneId, id), screening, accepted, author);
            return store.find(handle, id).orElseThrow();
        });
    }

    /**
     * Moves the leak to {@code status}: solved needs one or more linked agreements (those in
     * {@code agreementIds} are linked first), not taken up needs a reason. Leaving "opgelost" unpublishes.
     */
    public Leak changeStatus(long leakId, Leak.Status status, String reason, List<Long> agreementIds, Accepted accepted,
                             Author author) {
        return db.write(handle -> changeStatus(handle, leakId, status, reason, agreementIds, accepted, author, ""));
    }

    /**
     * As {@link #changeStatus(long, Leak.Status, String, List, Accepted, Author)} inside the caller's
     * transaction (a meeting's decision); {@code context} goes into the history (e.g. the meeting).
     */
    public Leak changeStatus(Handle handle, long leakId, Leak.Status status, String reason, List<Long> agreementIds,
                             Accepted accepted, Author author, String context) {
        Leak leak = store.find(handle, leakId).orElseThrow(() -> new NotFound("leak " + leakId));
        String cleanReason = LeakInput.text(reason);
        List<Long> links = agreementIds == null ? List.of() : agreementIds;
        LeakInput.checkStatusChange(handle, store, leak, status, cleanReason, links);
        Screening screening = null;
        if (!cleanReason.isEmpty()) {
            screening = guard.check(handle, subject(leak.koppelzoneId(), leakId), Screening.fields("reason", cleanReason),
                    guard.parties(leak.koppelzoneId()), accepted);
        }
        Instant now = clock.instant();
        for (long agreementId : links) {
            if (store.link(handle, leakId, agreementId, now)) {
                store.event(handle, leakId, "gekoppeld", null, "agreement:" + agreementId, author.name(), now);
                audit.record(handle, author, "leak.link", "leak:" + leakId, leak.koppelzoneId(), Map.of("agreement", agreementId));
            }
        }
        if (status != leak.status()) {
            store.setStatus(handle, leakId, status, status == Leak.Status.NIET_OPGEPAKT ? cleanReason : "", now);
            String detail = context.isEmpty() ? cleanReason : cleanReason.isEmpty() ? context : context + " — " + cleanReason;
            store.event(handle, leakId, "status", status, detail, author.name(), now);
            audit.record(handle, author, "leak.status", "leak:" + leakId, leak.koppelzoneId(),
                    Map.of("from", leak.status().code(), "value", status.code()));
        }
        if (screening != null) {
            guard.record(handle, subject(leak.koppelzoneId(), leakId), screening, accepted, author);
        }
        return store.find(handle, leakId).orElseThrow();
    }

    /** Links an agreement of the same koppelzone to the leak (the link shows both ways). */
    public Leak link(long leakId, long agreementId, Author author) {
        return db.write(handle -> {
            Leak leak = store.find(handle, leakId).orElseThrow(() -> new NotFound("leak " + leakId));
            return changeStatus(handle, leakId, leak.status(), leak.reason(), List.of(agreementId), Accepted.NONE, author, "");
        });
    }

    /**
     * The voorzitter publishes (or withdraws) a solved leak with its agreement. Its texts go public, so
     * every possible personal data in them, medium findings too, must be confirmed first: those in
     * {@code accepted} are confirmed now; any other refuses the publication with the findings.
     */
    public Leak publish(long leakId, boolean published, Accepted accepted, Author author) {
        return db.write(handle -> {
            Leak leak = store.find(handle, leakId).orElseThrow(() -> new NotFound("leak " + leakId));
            if (published) {
                LeakInput.checkPublishable(leak);
            }
            if (leak.published() != published) {
                Instant now = clock.instant();
                if (published) {
                    publication.confirmEveryFinding(handle, leak, accepted, author);
                }
                store.setPublished(handle, leakId, published, now);
                store.event(handle, leakId, published ? "gepubliceerd" : "depubliceerd", null, "", author.name(), now);
                audit.record(handle, author, "leak.publish", "leak:" + leakId, leak.koppelzoneId(), Map.of("value", published));
            }
            return store.find(handle, leakId).orElseThrow();
        });
    }

    /** A member's comment on the leak. */
    public Leak.Comment comment(long leakId, String body, Accepted accepted, Author author) {
        String clean = LeakInput.text(body);
        return db.write(handle -> {
            Leak leak = store.find(handle, leakId).orElseThrow(() -> new NotFound("leak " + leakId));
            LeakInput.checkComment(clean);
            TextGuard.Subject subject = subject(leak.koppelzoneId(), leakId);
            Screening screening = guard.check(handle, subject, Screening.fields("body", clean),
                    guard.parties(leak.koppelzoneId()), accepted);
            Instant now = clock.instant();
            long id = store.comment(handle, leakId, author.accountId(), author.name(), clean, now);
            audit.record(handle, author, "leak.comment", "leak:" + leakId, leak.koppelzoneId(), Map.of("comment", id));
            guard.record(handle, subject, screening, accepted, author);
            return store.comments(handle, leakId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
        });
    }

    // --- meetings (called inside the meeting's transaction) ----------------------------------------

    /** The koppelzone's leaks a new meeting's agenda proposes: gesignaleerd or geagendeerd. */
    public List<Leak> agendaLeaks(Handle handle, long koppelzoneId) {
        return store.ofKoppelzone(handle, koppelzoneId).stream().filter(Leak::open)
                .sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
    }

    /** The leak is on a meeting's agenda as item {@code itemId}: gesignaleerd moves to geagendeerd. */
    public void agendaed(Handle handle, long itemId, long leakId, Author author, String meeting) {
        store.linkItem(handle, itemId, leakId);
        Leak leak = store.find(handle, leakId).orElseThrow();
        if (leak.status() == Leak.Status.GESIGNALEERD) {
            changeStatus(handle, leakId, Leak.Status.GEAGENDEERD, "", List.of(), Accepted.NONE, author, meeting);
        } else {
            store.event(handle, leakId, "overleg", null, meeting, author.name(), clock.instant());
        }
    }

    /** The leak a meeting item is about, if it is about one. */
    public Optional<Long> leakOfItem(Handle handle, long itemId) {
        return store.leakOfItem(handle, itemId);
    }

    /**
     * The findings beside a typed leak text (report, comment, status reason) after {@code refused}
     * ({@code typed}: field name to text as sent): a refusal for personal data shows them, any other keeps
     * those of what was typed with the writer's ticks (issue 17).
     */
    public TextPanel privacyPanel(long koppelzoneId, Map<String, String> typed, RuntimeException refused,
                                  Accepted accepted) {
        return guard.panel(refused, koppelzoneId, typed, accepted);
    }

    /** The findings beside the publish button after {@code refused} ({@link LeakPublication#panel}). */
    public TextPanel publishPanel(long leakId, RuntimeException refused, Accepted accepted) {
        return publication.panel(leakId, refused, accepted);
    }

    // --- helpers -------------------------------------------------------------------------------------

    private static TextGuard.Subject subject(long koppelzoneId, long leakId) {
        return new TextGuard.Subject(TextSource.LEAK, leakId, "leak:" + leakId, koppelzoneId);
    }

    /** The leak's texts as the guard screens them (for warnings after saving). */
    static Map<String, String> texts(Leak leak) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("title", leak.title());
        texts.put("description", leak.description());
        texts.put("example", leak.example());
        return texts;
    }
}
