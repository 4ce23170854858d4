package nl.afsprakenwiki.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.text.IpAddress;
import nl.afsprakenwiki.web.Texts;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Audit events as sentences in the page's language: "Marieke de Vries wijzigde <em>Warme overdracht</em>
 * (revisie 3)". Each action code has its message {@code audit.event.<code>} with {0} the person,
 * {1} the subject and {2}, {3} what the code adds (a revision, a role, an organisation); an unknown
 * code gets {@code audit.event.unknown}. The details become a list of labelled values.
 */
public final class AuditSentences {

    /** Every action the wiki records (grep {@code audit.record}), in the order the filter offers them. */
    public static final List<String> ACTIONS = List.of("login", "login.failed", "logout",
            "account.created", "account.updated", "account.password", "account.disabled", "account.enabled",
            "account.admin-granted", "account.admin-revoked", "account.sso-linked", "token.created", "token.revoked",
            "setting.changed", "municipality.created", "organisation.created", "organisation.updated",
            "koppelzone.created", "koppelzone.updated", "party.added", "party.updated", "party.removed",
            "membership.set", "membership.removed",
            "agreement.create", "agreement.save", "agreement.details", "agreement.restore", "agreement.propose",
            "agreement.decision", "agreement.endorsed", "agreement.roundRestarted", "agreement.withdraw",
            "agreement.retire", "agreement.reviewDate", "agreement.acknowledge", "agreement.adopt",
            "agreement.upstreamMerged", "agreement.upstreamDismissed", "sourceProposal.create", "sourceProposal.accept",
            "sourceProposal.decline", "meeting.plan", "meeting.move", "meeting.cancel", "meeting.close", "meeting.decision",
            "import", "mail.test", "mail.failing", "mail.recovered", "mail.gaveUp",
            "experience.add", "experience.hide", "experience.show", "agreement.contact",
            "comment.create", "comment.reply", "comment.edit", "comment.resolve", "comment.reopen",
            "template.created", "template.updated", "template.retired",
            "leak.report", "leak.status", "leak.link", "leak.publish", "leak.comment",

            "agreement.attachment", "privacy.confirm",
            "agreement.redact", "comment.redact", "meeting.redactMinutes",
            "experience.redact", "endorsement.redactRemark", "meeting.redactDecision", "meeting.redactAction");
    /** The detail keys with a label of their own ({@code audit.detail.<key>}); others show as they are. */
    public static final Set<String> DETAIL_KEYS = Set.of("method", "address", "reason", "admin", "via", "subject", "name",
            "email", "value", "token", "label", "role", "kind", "municipality", "level", "organisation", "joinedOn",
            "koppelzone", "revision", "sha256", "base", "mergedWith", "parties", "themes", "reviewDate", "restored", "round",
            "decision", "source", "sourceRevision", "proposal", "from", "meeting", "startsAt", "created", "updated",
            "unchanged", "attempts", "error", "experience", "adopted", "contact",
            "comment", "block", "replyTo", "previousSha256",

            "change", "file",

            "occurrences", "requestedBy", "redaction", "item",
            "remark", "action",
            "phoneNumbers", "emailDomains");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ON_AGREEMENTS = Set.of("agreement", "sourceProposal");

    /** A piece of a sentence: plain text, or a subject (emphasised, linked where it still exists). */
    public record Part(String text, String href, boolean emphasis) {
    }

    public record Detail(String label, String value) {
    }

    /** One event as shown. */
    public record Line(AuditLog.Event event, List<Part> sentence, List<Detail> details) {
    }

    private final Texts texts;
    private final AuditSubjects.Found subjects;

    public AuditSentences(Texts texts, AuditSubjects.Found subjects) {
        this.texts = texts;
        this.subjects = subjects;
    }

    /** The organisations the details of these events name, so their names can be looked up with the page. */
    public static Collection<String> organisationsIn(List<AuditLog.Event> events) {
        return events.stream().map(event -> details(event.details()).get("organisation"))
                .filter(value -> value instanceof String).map(String::valueOf).distinct().toList();
    }

    public Line line(AuditLog.Event event) {
        Map<String, Object> details = details(event.details());
        String code = event.action();
        List<Part> arguments = new ArrayList<>();
        arguments.add(new Part(event.actor(), event.actorUsername() == null ? null : AccountAdminPages.path(event.actorUsername()),
                false));
        arguments.add(subject(event));
        String key = ACTIONS.contains(code) ? "audit.event." + code : "audit.event.unknown";
        switch (code) {
            case "agreement.save", "agreement.propose", "agreement.endorsed", "agreement.create" ->
                    arguments.add(plain(details.get("revision")));
            case "privacy.confirm" -> {
                // issue 17: a finding in an agreement's revision, or in another text (a comment, minutes …; V022)
                if (details.get("text") instanceof String source && details.get("revision") == null) {
                    key = key + ".text";
                    arguments.add(plain(texts.get("privacy.source." + source)));
                } else {
                    arguments.add(plain(details.get("revision")));
                }
            }
            case "agreement.restore" -> arguments.add(plain(details.get("restored")));
            case "agreement.redact" -> arguments.add(plain(details.get("revision")));
            case "agreement.attachment" -> {
                arguments.add(plain(details.get("revision")));
                arguments.add(new Part(String.valueOf(details.get("name")), null, true));
            }
            case "agreement.decision" -> {
                arguments.add(plain(details.get("revision")));
                arguments.add(organisation(details.get("organisation")));
                if ("endorse".equals(details.get("decision")) || "decline".equals(details.get("decision"))) {
                    key = key + "." + details.get("decision");
                }
            }
            case "agreement.reviewDate" -> arguments.add(plain(date(details.get("reviewDate"))));
            case "agreement.acknowledge", "party.added", "party.updated", "party.removed" ->
                    arguments.add(organisation(details.get("organisation")));
            case "membership.set" -> {
                arguments.add(plain(details.get("role") instanceof String role ? texts.get("role." + role) : "?"));
                arguments.add(plain(event.koppelzoneName()));
            }
            case "membership.removed" -> arguments.add(plain(event.koppelzoneName()));
            case "token.created" -> arguments.add(new Part(String.valueOf(details.get("label")), null, true));
            case "template.created", "template.updated", "template.retired" -> {
                arguments.add(new Part(String.valueOf(details.get("name")), null, true));
                arguments.add(plain(event.koppelzoneName()));
            }
            default -> arguments.add(plain(code));
        }
        return new Line(event, sentence(texts.get(key), arguments), detailList(details));
    }

    private Part subject(AuditLog.Event event) {
        String target = event.target();
        AuditSubjects.Subject found = subjects.subjects().get(target);
        int colon = target.indexOf(':');
        String kind = colon > 0 ? target.substring(0, colon) : "";
        boolean emphasis = ON_AGREEMENTS.contains(kind);
        if (found != null) {
            return new Part(found.name(), found.href(), emphasis);
        }
        AuditSubjects.MeetingSubject meeting = subjects.meetings().get(target);
        if (meeting != null) {
            return new Part(texts.get("audit.subject.meeting", texts.dateTime(meeting.startsAt())), meeting.href(), false);
        }
        return new Part(colon > 0 && !kind.equals("sso") ? target.substring(colon + 1) : target, null, emphasis);
    }

    private Part organisation(Object slug) {
        AuditSubjects.Subject found = subjects.subjects().get("organisation:" + slug);
        return found == null ? plain(slug) : new Part(found.name(), found.href(), false);
    }

    private static Part plain(Object value) {
        return new Part(value == null ? "?" : String.valueOf(value), null, false);
    }

    private String date(Object value) {
        try {
            return value instanceof String text && !text.isEmpty() ? texts.date(LocalDate.parse(text)) : "—";
        } catch (DateTimeParseException e) {
            return String.valueOf(value);
        }
    }

    private static List<Part> sentence(String pattern, List<Part> arguments) {
        List<Part> parts = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        int at = 0;
        while (matcher.find()) {
            if (matcher.start() > at) {
                parts.add(new Part(pattern.substring(at, matcher.start()), null, false));
            }
            int index = Integer.parseInt(matcher.group(1));
            parts.add(index < arguments.size() ? arguments.get(index) : new Part(matcher.group(), null, false));
            at = matcher.end();
        }
        if (at < pattern.length()) {
            parts.add(new Part(pattern.substring(at), null, false));
        }
        return parts;
    }

    private List<Detail> detailList(Map<String, Object> details) {
        List<Detail> list = new ArrayList<>();
        details.forEach((key, value) -> list.add(new Detail(
                DETAIL_KEYS.contains(key) ? texts.get("audit.detail." + key) : key, value(key, value))));
        return list;
    }

    private String value(String key, Object value) {
        if (value instanceof Boolean yes) {
            return texts.get(yes ? "audit.yes" : "audit.no");
        }
        if (value instanceof Collection<?> values) {
            return values.isEmpty() ? "—" : String.join(", ", values.stream().map(String::valueOf).toList());
        }
        if ("address".equals(key) && value instanceof String address) {
            return IpAddress.normalise(address);
        }
        return Objects.toString(value, "—");
    }

    private static Map<String, Object> details(String json) {
        try {
            Map<String, Object> parsed = json == null ? null : JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
            return parsed == null ? Map.of() : parsed;
        } catch (JsonProcessingException e) {
            return Map.of("?", json);
        }
    }
}
