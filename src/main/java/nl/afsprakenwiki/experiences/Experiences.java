package nl.afsprakenwiki.experiences;

import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.privacy.Parties;
import nl.afsprakenwiki.privacy.Screening;
import nl.afsprakenwiki.privacy.Screening.FieldFinding;
import nl.afsprakenwiki.privacy.TextGuard;
import nl.afsprakenwiki.privacy.TextSource;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.InvalidInput.FieldError;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Refused;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.ReadCache;
import nl.afsprakenwiki.experiences.ExperienceStore.NewExperience;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.text.CleanText;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Experiences from elsewhere (ervaringen): anyone signed in adds a short public note to a public
 * agreement; everyone who may read the agreement reads the visible notes; the voorzitter of its
 * koppelzone (or a beheerder) hides one with a reason, or shows it again. Each write is one
 * transaction with its audit event; a trigger tells the search index (V016).
 */
public final class Experiences {

    /** The longest note, in characters. */
    public static final int MAX_BODY = 2_000;
    /** The longest reason for hiding, in characters. */
    public static final int MAX_REASON = 500;

    private final Database db;
    private final ExperienceStore store = new ExperienceStore();
    private final MarkdownRenderer markdown;
    private final AuditLog audit;
    private final Clock clock;

    private final TextGuard guard;
    /** Every view of a public agreement shows its experiences: the lists last until a commit changes the agreement's experiences (or a table read as a whole), their HTML until the next commit. */
    private final ReadCache<ListKey, List<Experience>> lists;
    private final ReadCache<Long, String> rendered;

    private record ListKey(long agreementId, boolean withHidden) {
    }

    public Experiences(Database db, MarkdownRenderer markdown, AuditLog audit, Clock clock, TextGuard guard) {
        this.guard = guard;
        this.db = db;
        this.markdown = markdown;
        this.audit = audit;
        this.clock = clock;
        this.lists = ReadCache.perAgreement(db, 10_000, ListKey::agreementId);
        this.rendered = new ReadCache<>(db, 2_000);
    }

    /** What someone wants to add: their note, and whether they adopted the agreement (null: not said). */
    public record Input(String body, Boolean adopted, Accepted accepted) {
        public Input {
            accepted = accepted == null ? Accepted.NONE : accepted;
        }

        public Input(String body, Boolean adopted) {
            this(body, adopted, Accepted.NONE);
        }
    }

    /**
     * Adds {@code viewer}'s note to {@code agreement} (as the viewer sees it). Only a public agreement
     * takes experiences (a member's draft: 409); the text is checked before anything is written.
     */
    public Experience add(Agreement agreement, Input input, Viewer viewer) {
        if (!agreement.published()) {
            throw Refused.conflict("refused.experience.notPublic");
        }
        String body = CleanText.text(input.body()).strip();
        List<FieldError> errors = new ArrayList<>();
        if (body.isEmpty()) {
            errors.add(new FieldError("body", "error.experience.empty"));
        } else if (body.codePointCount(0, body.length()) > MAX_BODY) {
            errors.add(new FieldError("body", "error.experience.tooLong", MAX_BODY));
        } else {
            String unreadable = markdown.problem(body);
            if (unreadable != null) {
                errors.add(new FieldError("body", unreadable));
            }
        }
        if (input.adopted() == null) {
            errors.add(new FieldError("adopted", "error.experience.adopted"));
        }
        InvalidInput.throwIfAny(errors);
        boolean adopted = input.adopted();
        return db.write(handle -> {
            // issue 17: a BSN, an address … refuses the experience unless the writer confirms it is none
            TextGuard.Subject subject = subject(agreement, null);
            Screening screening = guard.check(handle, subject, Screening.fields("body", body), guard.parties(subject),
                    input.accepted());
            Long adoption = adopted ? store.adoptionBy(handle, agreement.id(), viewer.accountId(),
                    viewer.organisationId()).orElse(null) : null;
            long id = store.insert(handle, new NewExperience(agreement.id(), viewer.accountId(), viewer.displayName(),
                    viewer.organisationId(), adopted, adoption, body), clock.instant());
            audit.record(handle, viewer.author(), "experience.add", "agreement:" + agreement.id(),
                    agreement.koppelzone().id(), Map.of("experience", id, "adopted", adopted));
            guard.record(handle, subject.withId(id), screening, input.accepted(), viewer.author());
            return store.find(handle, agreement.id(), id).orElseThrow().withPending(!screening.warnings().isEmpty());
        });
    }

    /** The agreement's experiences, oldest first: the visible ones, and the hidden ones too for who may hide. */
    public List<Experience> of(Agreement agreement, Viewer viewer) {
        boolean withHidden = mayModerate(agreement, viewer);
        List<Experience> all = lists.get(new ListKey(agreement.id(), withHidden),
                () -> db.read(handle -> store.of(handle, agreement.id(), withHidden).stream()
                        .map(experience -> experience.withPending(pending(handle, experience))).toList()));
        if (seesPending(agreement, viewer)) {
            return all;
        }
        return all.stream().filter(experience -> !experience.pending()
                || (viewer.authenticated() && Objects.equals(viewer.accountId(), experience.accountId()))).toList();
    }

    /**
     * Whether {@code viewer} sees experiences waiting for a privacy confirmation (issue 17 point 5):
     * the koppelzone's members and beheerders; their writer sees their own too, nobody else does.
     */
    public static boolean seesPending(Agreement agreement, Viewer viewer) {
        return viewer.admin() || viewer.roleIn(agreement.koppelzone().id()).isPresent();
    }

    /** The privacy findings of an experience not confirmed (a medium one keeps it from the public). */
    public List<FieldFinding> unconfirmed(Experience experience) {
        return db.read(handle -> unconfirmed(handle, experience));
    }

    private List<FieldFinding> unconfirmed(org.jdbi.v3.core.Handle handle, Experience experience) {
        return guard.unconfirmed(handle, TextSource.EXPERIENCE, experience.id(), Screening.fields("body", experience.body()),
                guard.parties(handle, TextSource.EXPERIENCE, experience.id()));
    }

    /** Kept from the public until confirmed: the same rule search counts by (TextGuard.waitsForConfirmation). */
    private boolean pending(org.jdbi.v3.core.Handle handle, Experience experience) {
        return guard.waitsForConfirmation(handle, TextSource.EXPERIENCE, experience.id(),
                Screening.fields("body", experience.body()));
    }

    /**
     * Confirms findings of an experience as no personal data (its writer, the voorzitter or a beheerder):
     * once every finding is confirmed the public sees it. Returns the experience as it is now.
     */
    public Experience confirm(Agreement agreement, long experienceId, Accepted accepted, Viewer viewer) {
        return db.write(handle -> {
            Experience experience = store.find(handle, agreement.id(), experienceId)
                    .orElseThrow(() -> new NotFound("experience"));
            if (!mayConfirm(agreement, experience, viewer)) {
                throw Refused.forbidden("error.privacy.text.notYours");
            }
            guard.confirm(handle, subject(agreement, experienceId), Screening.fields("body", experience.body()),
                    guard.parties(agreement.koppelzone().id()), accepted, viewer.author());
            return experience.withPending(pending(handle, experience));
        });
    }

    /** The findings beside a typed note after {@code refused}, with the writer's ticks kept (issue 17). */
    public nl.afsprakenwiki.privacy.TextPanel privacyPanel(Agreement agreement, String body, RuntimeException refused,
                                                           Accepted accepted) {
        return guard.panel(refused, agreement.koppelzone().id(), Screening.fields("body", body), accepted);
    }

    /** Whether {@code viewer} may confirm the experience's findings: its writer, the voorzitter, a beheerder. */
    public boolean mayConfirm(Agreement agreement, Experience experience, Viewer viewer) {
        return mayModerate(agreement, viewer)
                || (viewer.authenticated() && Objects.equals(viewer.accountId(), experience.accountId()));
    }

    private static TextGuard.Subject subject(Agreement agreement, Long experienceId) {
        return new TextGuard.Subject(TextSource.EXPERIENCE, experienceId, "agreement:" + agreement.id(),
                agreement.koppelzone().id());
    }

    /** Whether {@code viewer} may hide and show the agreement's experiences: its voorzitter, a beheerder. */
    public boolean mayModerate(Agreement agreement, Viewer viewer) {
        return viewer.can(Permission.MODERATE_EXPERIENCES, agreement.koppelzone().id());
    }

    /** Hides one of the agreement's experiences with a reason (kept in the audit log); unchanged when hidden already. */
    public Experience hide(Agreement agreement, long experienceId, String reason, Viewer viewer) {
        String why = CleanText.text(reason).strip();
        if (why.isEmpty()) {
            throw new InvalidInput("reason", "error.reason.required");
        }
        if (why.codePointCount(0, why.length()) > MAX_REASON) {
            throw new InvalidInput("reason", "error.reason.tooLong", MAX_REASON);
        }
        return change(agreement, experienceId, why, viewer);
    }

    /** Shows a hidden experience again; unchanged when it is visible. */
    public Experience show(Agreement agreement, long experienceId, Viewer viewer) {
        return change(agreement, experienceId, null, viewer);
    }

    private Experience change(Agreement agreement, long experienceId, String reason, Viewer viewer) {
        return db.write(handle -> {
            store.find(handle, agreement.id(), experienceId).orElseThrow(() -> new NotFound("experience"));
            if (store.setHidden(handle, experienceId, clock.instant(), viewer.displayName(), reason)) {
                audit.record(handle, viewer.author(), reason == null ? "experience.show" : "experience.hide",
                        "agreement:" + agreement.id(), agreement.koppelzone().id(), reason == null
                                ? Map.of("experience", experienceId)
                                : Map.of("experience", experienceId, "reason", reason));
            }
            Experience changed = store.find(handle, agreement.id(), experienceId).orElseThrow();
            return changed.withPending(pending(handle, changed));
        });
    }

    /** The note as sanitised HTML (the only way its text reaches a page or the API's {@code html}). */
    public String html(Experience experience) {
        return rendered.get(experience.id(), () -> markdown.render(experience.body()));
    }
}
