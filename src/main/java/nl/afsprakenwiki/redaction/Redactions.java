package nl.afsprakenwiki.redaction;

import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.InvalidInput.FieldError;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Refused;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementStore;
import nl.afsprakenwiki.agreements.RevisionContent;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.redaction.RedactionStore.Family;
import nl.afsprakenwiki.redaction.RedactionStore.NewRedaction;
import nl.afsprakenwiki.redaction.RedactionStore.Requester;
import nl.afsprakenwiki.redaction.RedactionStore.StoredRevision;
import nl.afsprakenwiki.search.Search;
import nl.afsprakenwiki.text.CleanText;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Redaction from history (issue 17, point 3; docs/PRIVACY.md): a beheerder, on the request of the
 * koppelzone's voorzitter, removes a text - personal data - from a stored revision. Every occurrence of
 * that text in that revision, in the agreement's other revisions and in the revisions of agreements
 * adopted from it becomes {@link Occurrences#MARKER}, in one transaction with a redaction record and an
 * audit event per revision (neither holds the removed text). Before {@link #redact} returns, what was
 * derived from the text is clean: cached HTML, the search index and its terms; read caches and feeds
 * follow from the commit. Endorsements stay bound to their round; the round shows the redaction.
 */
public final class Redactions {

    /** The shortest text removed: shorter would tear through ordinary words everywhere. */
    public static final int MIN_TEXT = 3;
    public static final int MAX_TEXT = 1_000;
    public static final int MAX_REASON = 1_000;
    private static final int MAX_TITLE = 200;

    private final Database db;
    private final RedactionStore store = new RedactionStore();
    private final AgreementStore agreements;
    private final MarkdownRenderer markdown;
    private final Search search;
    private final AuditLog audit;
    private final RedactionMail mail;
    private final Clock clock;

    public Redactions(Database db, AgreementStore agreements, MarkdownRenderer markdown, Search search, AuditLog audit,
                      RedactionMail mail, Clock clock) {
        this.db = db;
        this.agreements = agreements;
        this.markdown = markdown;
        this.search = search;
        this.audit = audit;
        this.clock = clock;
        this.mail = mail;
    }

    /**
     * What the beheerder asks: remove {@code text} (or the body's span [{@code start}, {@code end}), whose
     * text is then removed) from revision {@code revision}, on the request of voorzitter {@code requestedBy}.
     */
    public record Request(Integer revision, String text, Integer start, Integer end, String reason, String requestedBy) {
    }

    /** One revision the text will be removed from, with how often it occurs there. */
    public record Target(long agreementId, String koppelzoneName, int revision, int occurrences, boolean copy) {
    }

    /** What a request will do, shown for confirmation before it is carried out. */
    public record Plan(List<Target> targets) {
        public int occurrences() {
            return targets.stream().mapToInt(Target::occurrences).sum();
        }

        public long copies() {
            return targets.stream().filter(Target::copy).map(Target::agreementId).distinct().count();
        }
    }

    /** A voorzitter who may request a redaction in the agreement's koppelzone. */
    public record Voorzitter(String username, String displayName) {
    }

    public List<Voorzitter> voorzitters(Agreement agreement) {
        return db.read(handle -> store.voorzitters(handle, agreement.koppelzone().id())).stream()
                .map(requester -> new Voorzitter(requester.username(), requester.displayName())).toList();
    }

    /** The redactions of the agreement's revisions, newest first. */
    public List<Redaction> of(long agreementId) {
        return db.read(handle -> store.of(handle, agreementId));
    }

    /** Checks the request and tells what it would remove where; writes nothing. */
    public Plan plan(Agreement agreement, Request request, Viewer viewer) {
        mayRedact(agreement, viewer);
        return db.read(handle -> checked(handle, agreement, request).plan());
    }

    /** Carries out the request; returns the redactions made, the requested revision's first. */
    public List<Redaction> redact(Agreement agreement, Request request, Viewer viewer) {
        mayRedact(agreement, viewer);
        List<Long> revisionIds = new ArrayList<>();
        List<Redaction> made = db.write(handle -> {
            Checked checked = checked(handle, agreement, request);
            Instant now = clock.instant();
            List<Redaction> done = new ArrayList<>();
            Long first = null;
            for (Found found : checked.found()) {
                StoredRevision revision = found.revision();
                Occurrences occurrences = found.occurrences();
                String sha = RevisionContent.of(occurrences.title(), occurrences.body(),
                        agreements.attachments(handle, revision.id())).sha256();
                store.rewrite(handle, revision.id(), occurrences.title(), occurrences.body(), occurrences.summary(), sha);
                long id = store.insert(handle, new NewRedaction(revision.agreementId(), revision.number(),
                        occurrences.spansJson(), occurrences.count(), revision.sha256(), sha, checked.reason(),
                        checked.requester(), viewer.author(), first), now);
                first = first == null ? id : first;
                revisionIds.add(revision.id());
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("revision", revision.number());
                details.put("occurrences", occurrences.count());
                details.put("previousSha256", revision.sha256());
                details.put("sha256", sha);
                details.put("requestedBy", checked.requester().username());
                details.put("reason", checked.reason());
                details.put("redaction", id);
                audit.record(handle, viewer.author(), "agreement.redact", "agreement:" + revision.agreementId(),
                        found.family().koppelzoneId(), details);
                done.add(new Redaction(id, revision.agreementId(), revision.number(), occurrences.count(),
                        revision.sha256(), sha, checked.reason(), checked.requester().displayName(), viewer.author().name(),
                        now, first == id ? null : first));
            }
            checked.found().stream().map(Found::family).distinct().forEach(family -> {
                store.touch(handle, family.agreementId());
                store.cleanCommentExcerpts(handle, family.agreementId(), checked.text());
                store.cleanProposals(handle, family.agreementId(), checked.text());
                store.cleanMeetingItems(handle, family.agreementId(), checked.text());
                if (family.agreementId() != agreement.id()) {
                    mail.copyRedacted(handle, family, agreement, first(done));
                }
            });
            return done;
        });
        // derived text: cached HTML now, the search index and its terms before the answer goes out
        markdown.forget(revisionIds);
        search.index().expungeRemovedText();
        return made;
    }

    private static long first(List<Redaction> done) {
        return done.get(0).id();
    }

    private static void mayRedact(Agreement agreement, Viewer viewer) {
        if (!viewer.can(Permission.REDACT, agreement.koppelzone().id())) {
            throw Refused.forbidden("refused.redaction.beheerder");
        }
    }

    private record Found(Family family, StoredRevision revision, Occurrences occurrences) {
    }

    private record Checked(Requester requester, String reason, String text, List<Found> found) {
        Plan plan() {
            return new Plan(found.stream().map(f -> new Target(f.family().agreementId(), f.family().koppelzoneName(),
                    f.revision().number(), f.occurrences().count(), f != found.get(0)
                    && f.family().agreementId() != found.get(0).family().agreementId())).toList());
        }
    }

    /** The request checked against the facts in {@code handle}'s transaction; every problem at once. */
    private Checked checked(Handle handle, Agreement agreement, Request request) {
        List<FieldError> errors = new ArrayList<>();
        String reason = CleanText.text(request.reason() == null ? "" : request.reason()).strip();
        if (reason.isEmpty()) {
            errors.add(new FieldError("reason", "error.reason.required"));
        } else if (reason.length() > MAX_REASON) {
            errors.add(new FieldError("reason", "error.reason.tooLong", MAX_REASON));
        }
        String username = request.requestedBy() == null ? "" : request.requestedBy().strip();
        Requester requester = store.voorzitter(handle, username, agreement.koppelzone().id()).orElse(null);
        if (requester == null) {
            errors.add(new FieldError("requestedBy", "error.redaction.requester", agreement.koppelzone().name()));
        }
        StoredRevision revision = request.revision() == null ? null
                : store.revision(handle, agreement.id(), request.revision()).orElse(null);
        if (revision == null) {
            errors.add(new FieldError("revision", "error.redaction.revision"));
        }
        String text = revision == null ? null : text(request, revision, errors);
        InvalidInput.throwIfAny(errors);
        List<Family> families = store.family(handle, agreement.id());
        List<Found> found = new ArrayList<>();
        found.add(new Found(families.get(0), revision,
                Occurrences.in(revision.title(), revision.body(), revision.summary(), text)));
        for (Family family : families) {
            for (StoredRevision other : store.revisionsHolding(handle, family.agreementId(), text)) {
                if (other.id() != revision.id()) {
                    found.add(new Found(family, other, Occurrences.in(other.title(), other.body(), other.summary(), text)));
                }
            }
        }
        if (found.stream().anyMatch(f -> f.occurrences().title().strip().length() > MAX_TITLE)) {
            throw new InvalidInput("text", "error.redaction.titleTooLong", MAX_TITLE);
        }
        return new Checked(requester, reason, text, found);
    }

    /** The text to remove: typed, or the body's span; null (with an error added) when it cannot be removed. */
    private static String text(Request request, StoredRevision revision, List<FieldError> errors) {
        String text;
        if (request.start() != null || request.end() != null) {
            String body = revision.body();
            if (request.start() == null || request.end() == null || request.start() < 0 || request.end() > body.length()
                    || request.start() >= request.end() || Character.isLowSurrogate(body.charAt(request.start()))
                    || request.end() < body.length() && Character.isLowSurrogate(body.charAt(request.end()))) {
                errors.add(new FieldError("span", "error.redaction.span", body.length()));
                return null;
            }
            text = body.substring(request.start(), request.end());
        } else {
            text = RevisionContent.normaliseLineEndings(CleanText.text(request.text() == null ? "" : request.text())).strip();
        }
        if (text.strip().length() < MIN_TEXT) {
            errors.add(new FieldError("text", "error.redaction.textTooShort", MIN_TEXT));
        } else if (text.length() > MAX_TEXT) {
            errors.add(new FieldError("text", "error.redaction.textTooLong", MAX_TEXT));
        } else if (Occurrences.MARKER.contains(text)) {
            errors.add(new FieldError("text", "error.redaction.marker"));
        } else if (!revision.title().contains(text) && !revision.body().contains(text) && !revision.summary().contains(text)) {
            errors.add(new FieldError("text", "error.redaction.notFound", revision.number()));
        } else {
            return text;
        }
        return null;
    }
}
