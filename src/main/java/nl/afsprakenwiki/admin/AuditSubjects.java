package nl.afsprakenwiki.admin;

import nl.afsprakenwiki.db.Times;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.web.Paths;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What the audit events of one page point at ({@code agreement:12}, {@code account:marieke},
 * {@code koppelzone:tilburg}, {@code leak:3} …), by its present name and with a link while it still exists: one query
 * per kind for the whole page. Organisations named in the details ({@code "organisation": slug}) too.
 */
public final class AuditSubjects {

    /** A subject as shown: its name, and where it is (null when it has no page or no longer exists). */
    public record Subject(String name, String href) {
    }

    /** A meeting's subject: its start, formatted by the page in its language. */
    public record MeetingSubject(Instant startsAt, String href) {
    }

    /** The subjects found for one page of events, by their target text ("agreement:12"). */
    public record Found(Map<String, Subject> subjects, Map<String, MeetingSubject> meetings) {
    }

    private final Database db;

    public AuditSubjects(Database db) {
        this.db = db;
    }

    public Found of(List<AuditLog.Event> events, Collection<String> organisationsInDetails) {
        Map<String, Set<String>> byKind = new HashMap<>();
        for (AuditLog.Event event : events) {
            int colon = event.target().indexOf(':');
            if (colon > 0) {
                byKind.computeIfAbsent(event.target().substring(0, colon), kind -> new LinkedHashSet<>())
                        .add(event.target().substring(colon + 1));
            }
        }
        byKind.computeIfAbsent("organisation", kind -> new LinkedHashSet<>()).addAll(organisationsInDetails);
        return db.read(handle -> {
            Map<String, Subject> subjects = new HashMap<>();
            Map<String, MeetingSubject> meetings = new HashMap<>();
            names(handle, "SELECT a.id AS key, r.title AS name FROM agreement a JOIN revision r ON r.agreement_id = a.id"
                    + " AND r.number = a.current_revision WHERE a.id IN (<keys>)", numbers(byKind.get("agreement")),
                    (key, name) -> subjects.put("agreement:" + key, new Subject(name, Paths.agreement(Long.parseLong(key)))));
            names(handle, "SELECT username AS key, display_name AS name FROM account WHERE username IN (<keys>)",
                    byKind.get("account"), (key, name) -> subjects.put("account:" + key, new Subject(name,
                            AccountAdminPages.path(key))));
            names(handle, "SELECT slug AS key, name FROM koppelzone WHERE slug IN (<keys>)", byKind.get("koppelzone"),
                    (key, name) -> subjects.put("koppelzone:" + key, new Subject(name, Paths.koppelzone(key))));
            names(handle, "SELECT slug AS key, name FROM organisation WHERE slug IN (<keys>)", byKind.get("organisation"),
                    (key, name) -> subjects.put("organisation:" + key, new Subject(name, Paths.organisation(key))));
            names(handle, "SELECT slug AS key, name FROM municipality WHERE slug IN (<keys>)", byKind.get("municipality"),
                    (key, name) -> subjects.put("municipality:" + key, new Subject(name, null)));
            names(handle, "SELECT id AS key, title AS name FROM leak WHERE id IN (<keys>)", numbers(byKind.get("leak")),
                    (key, name) -> subjects.put("leak:" + key, new Subject(name, "/waardelekken/" + key)));
            names(handle, "SELECT id AS key, starts_at AS name FROM meeting WHERE id IN (<keys>)", numbers(byKind.get("meeting")),
                    (key, startsAt) -> meetings.put("meeting:" + key,
                            new MeetingSubject(Times.parse(startsAt), Paths.meeting(Long.parseLong(key)))));
            return new Found(subjects, meetings);
        });
    }

    private static void names(Handle handle, String sql, Collection<?> keys, BiConsumer<String, String> found) {
        if (keys == null || keys.isEmpty()) {
            return;
        }
        handle.createQuery(sql).bindList("keys", List.copyOf(keys))
                .map((rs, ctx) -> Map.entry(rs.getString("key"), rs.getString("name")))
                .forEach(entry -> found.accept(entry.getKey(), entry.getValue()));
    }

    /** The keys that are numbers, as numbers: ids are compared as integers. */
    private static List<Long> numbers(Set<String> keys) {
        return keys == null ? List.of() : keys.stream().filter(key -> key.matches("\\d{1,18}")).map(Long::parseLong).toList();
    }
}
