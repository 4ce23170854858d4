package nl.afsprakenwiki.templates;

import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.privacy.Parties;
import nl.afsprakenwiki.privacy.Screening.FieldFinding;
import nl.afsprakenwiki.privacy.TextGuard;
import nl.afsprakenwiki.privacy.TextPanel;
import nl.afsprakenwiki.privacy.TextSource;
import nl.afsprakenwiki.privacy.Screening;
import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.InvalidInput.FieldError;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.text.CleanText;
import nl.afsprakenwiki.text.Slugs;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Templates (sjablonen): the national default and a koppelzone's own, which its voorzitter creates,
 * edits and retires. Every change of text or name is a new revision; nothing is overwritten. One
 * transaction per change, the audit event inside it.
 */
public final class TemplateService {

    public static final int MAX_NAME = 120;
    public static final int MAX_BODY = 100_000;

    private final Database db;
    private final TemplateStore store = new TemplateStore();
    private final AuditLog audit;
    private final Clock clock;

    private final TextGuard guard;

    public TemplateService(Database db, AuditLog audit, Clock clock, TextGuard guard) {
        this.guard = guard;
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** The templates a new agreement of the koppelzone may start from (null: the national ones only). */
    public List<Template> available(Long koppelzoneId) {
        return db.read(handle -> store.available(handle, koppelzoneId));
    }

    /** An available template by slug: the koppelzone's own first, then the national one. */
    public Optional<Template> available(Long koppelzoneId, String slug) {
        return available(koppelzoneId).stream().filter(template -> template.slug().equals(slug))
                .min((a, b) -> Boolean.compare(a.national(), b.national()));
    }

    /** Every template of the koppelzone, retired ones included (for its voorzitter). */
    public List<Template> ofKoppelzone(long koppelzoneId) {
        return db.read(handle -> store.ofKoppelzone(handle, koppelzoneId));
    }

    /** A template of the koppelzone (never a national one or another koppelzone's). */
    public Optional<Template> find(long koppelzoneId, long templateId) {
        return db.read(handle -> store.find(handle, templateId)).filter(t -> Long.valueOf(koppelzoneId).equals(t.koppelzoneId()));
    }

    public List<Template.Revision> revisions(long templateId) {
        return db.read(handle -> store.revisions(handle, templateId));
    }

    public Template create(long koppelzoneId, String name, String body, Author author) {
        return create(koppelzoneId, name, body, Accepted.NONE, author);
    }

    /** As {@link #create(long, String, String, Author)}, with the privacy findings the writer confirms (issue 17). */
    public Template create(long koppelzoneId, String name, String body, Accepted accepted, Author author) {
        String cleanName = CleanText.line(name);
        String cleanBody = CleanText.text(body);
        check(cleanName, cleanBody, new ArrayList<>());
        return db.write(handle -> {
            Screening screening = guard.check(handle, subject(koppelzoneId, null), fields(cleanName, cleanBody),
                    guard.parties(koppelzoneId), accepted);
            Instant now = clock.instant();
            long id = store.insert(handle, koppelzoneId, uniqueSlug(handle, koppelzoneId, cleanName), now);
            int number = store.appendRevision(handle, id, cleanName, cleanBody, author.name(), now);
            audit.record(handle, author, "template.created", "template:" + id, koppelzoneId,
                    Map.of("name", cleanName, "revision", number));
            guard.record(handle, subject(koppelzoneId, id), screening, accepted, author);
            return store.find(handle, id).orElseThrow();
        });
    }

    /** The possible personal data in a template nobody confirmed (a warning after saving). */
    public List<FieldFinding> unconfirmed(Template template) {
        return db.read(handle -> guard.unconfirmed(handle, TextSource.TEMPLATE, template.id(),
                fields(template.name(), template.source()), guard.parties(template.koppelzoneId())));
    }

    /**
     * The findings beside a typed template after {@code refused}: a refusal for personal data shows them,
     * any other keeps those of what was typed with the writer's ticks (issue 17).
     */
    public TextPanel privacyPanel(long koppelzoneId, String name, String body, RuntimeException refused,
                                  Accepted accepted) {
        return guard.panel(refused, koppelzoneId, fields(name, body), accepted);
    }

    private static Map<String, String> fields(String name, String body) {
        return Screening.fields("name", name, "body", body);
    }

    private static TextGuard.Subject subject(long koppelzoneId, Long templateId) {
        return new TextGuard.Subject(TextSource.TEMPLATE, templateId, templateId == null ? "koppelzone:" + koppelzoneId
                : "template:" + templateId, koppelzoneId);
    }

    /**
     * A new revision with this name and text, made on top of {@code baseRevision} (what the writer
     * saw); if someone saved in between nothing is written and the writer is told, so no change is
     * lost. An unchanged template gets no revision.
     */
    public Template update(long koppelzoneId, long templateId, int baseRevision, String name, String body, Author author) {
        return update(koppelzoneId, templateId, baseRevision, name, body, Accepted.NONE, author);
    }

    /**
     * As {@link #update(long, long, int, String, String, Author)}, with the privacy findings the writer
     * confirms; confirmations made before for this template stay valid.
     */
    public Template update(long koppelzoneId, long templateId, int baseRevision, String name, String body,
                           Accepted accepted, Author author) {
        String cleanName = CleanText.line(name);
        String cleanBody = CleanText.text(body);
        return db.write(handle -> {
            Template current = current(handle, koppelzoneId, templateId);
            List<FieldError> errors = new ArrayList<>();
            if (current.retired()) {
                errors.add(new FieldError("body", "error.template.retired"));
            } else if (baseRevision != current.revision()) {
                errors.add(new FieldError("body", "error.template.stale", current.revision(), current.authorName()));
            }
            check(cleanName, cleanBody, errors);
            Screening screening = guard.check(handle, subject(koppelzoneId, templateId), fields(cleanName, cleanBody),
                    guard.parties(koppelzoneId), accepted);
            guard.record(handle, subject(koppelzoneId, templateId), screening, accepted, author);
            if (current.name().equals(cleanName) && current.source().equals(cleanBody)) {
                return current;
            }
            int number = store.appendRevision(handle, templateId, cleanName, cleanBody, author.name(), clock.instant());
            audit.record(handle, author, "template.updated", "template:" + templateId, koppelzoneId,
                    Map.of("name", cleanName, "revision", number));
            return store.find(handle, templateId).orElseThrow();
        });
    }

    /** Retires the template: new agreements can no longer start from it; its revisions stay. */
    public void retire(long koppelzoneId, long templateId, Author author) {
        db.write(handle -> {
            Template current = current(handle, koppelzoneId, templateId);
            if (!current.retired()) {
                store.retire(handle, templateId, clock.instant());
                audit.record(handle, author, "template.retired", "template:" + templateId, koppelzoneId,
                        Map.of("name", current.name(), "revision", current.revision()));
            }
            return null;
        });
    }

    private Template current(Handle handle, long koppelzoneId, long templateId) {
        return store.find(handle, templateId).filter(t -> Long.valueOf(koppelzoneId).equals(t.koppelzoneId()))
                .orElseThrow(() -> new NotFound("template " + templateId));
    }

    private void check(String name, String body, List<FieldError> errors) {
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "error.template.nameRequired"));
        } else if (name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "error.template.nameTooLong", MAX_NAME));
        }
        if (body.isBlank()) {
            errors.add(new FieldError("body", "error.template.bodyRequired"));
        } else if (body.length() > MAX_BODY) {
            errors.add(new FieldError("body", "error.template.bodyTooLong", MAX_BODY));
        }
        InvalidInput.throwIfAny(errors);
        // issue 17: a template is copied into many agreements; TextGuard refuses personal data in it
    }

    private String uniqueSlug(Handle handle, long koppelzoneId, String name) {
        String wanted = Slugs.of(name, 70);
        String base = wanted.isEmpty() ? "sjabloon" : wanted;
        String slug = base;
        for (int n = 2; store.slugTaken(handle, koppelzoneId, slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
