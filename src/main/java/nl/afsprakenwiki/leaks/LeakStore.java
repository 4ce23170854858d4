package nl.afsprakenwiki.leaks;

import nl.afsprakenwiki.db.Times;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.koppelzones.OrganisationKind;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL of the leak tables (V024). Every method runs on a caller's handle. */
final class LeakStore {

    private static final String COLUMNS = """
            SELECT id, koppelzone_id, moment, title, description, frequency, example, status, reason, published,
                   author_name, created_at, updated_at FROM leak
            """;

    private record Row(long id, long koppelzoneId, String moment, String title, String description, String frequency,
                       String example, String status, String reason, boolean published, String authorName,
                       Instant createdAt, Instant updatedAt) {
    }

    private static List<Row> rows(Handle handle, String where, Object... binds) {
        var query = handle.createQuery(COLUMNS + where);
        for (int i = 0; i < binds.length; i += 2) {
            query.bind((String) binds[i], binds[i + 1]);
        }
        return query.map((rs, ctx) -> new Row(rs.getLong("id"), rs.getLong("koppelzone_id"), rs.getString("moment"),
                rs.getString("title"), rs.getString("description"), rs.getString("frequency"), rs.getString("example"),
                rs.getString("status"), rs.getString("reason"), rs.getInt("published") == 1, rs.getString("author_name"),
                Times.parse(rs.getString("created_at")), Times.parse(rs.getString("updated_at")))).list();
    }

    private Leak leak(Handle handle, Row row) {
        return new Leak(row.id, row.koppelzoneId, row.moment, row.title, row.description, row.frequency, row.example,
                Leak.Status.of(row.status).orElseThrow(), row.reason, row.published, row.authorName, row.createdAt,
                row.updatedAt, parties(handle, row.id), agreements(handle, row.id));
    }

    Optional<Leak> find(Handle handle, long id) {
        return rows(handle, " WHERE id = :id", "id", id).stream().findFirst().map(row -> leak(handle, row));
    }

    /** The leaks of a koppelzone, newest first. */
    List<Leak> ofKoppelzone(Handle handle, long koppelzoneId) {
        return rows(handle, " WHERE koppelzone_id = :k ORDER BY created_at DESC, id DESC", "k", koppelzoneId).stream()
                .map(row -> leak(handle, row)).toList();
    }

    /** The leaks the agreement solves (linked to it), oldest first. */
    List<Leak> ofAgreement(Handle handle, long agreementId) {
        return rows(handle, " WHERE id IN (SELECT leak_id FROM leak_agreement WHERE agreement_id = :a) ORDER BY id",
                "a", agreementId).stream().map(row -> leak(handle, row)).toList();
    }

    List<Organisation> parties(Handle handle, long leakId) {
        return handle.createQuery("""
                        SELECT o.id, o.slug, o.name, o.kind FROM leak_party p JOIN organisation o ON o.id = p.organisation_id
                        WHERE p.leak_id = :id ORDER BY lower(o.name)
                        """).bind("id", leakId)
                .map((rs, ctx) -> new Organisation(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                        OrganisationKind.fromCode(rs.getString("kind")).orElse(OrganisationKind.OVERIG)))
                .list();
    }

    List<Leak.LinkedAgreement> agreements(Handle handle, long leakId) {
        return handle.createQuery("""
                        SELECT a.id, a.slug, a.status, r.title, (a.endorsed_revision IS NOT NULL AND a.status IN ('bekrachtigd', 'ter_bekrachtiging')) AS public
                        FROM leak_agreement l JOIN agreement a ON a.id = l.agreement_id
                        JOIN revision r ON r.agreement_id = a.id
                         AND r.number = CASE WHEN (a.endorsed_revision IS NOT NULL AND a.status IN ('bekrachtigd', 'ter_bekrachtiging')) THEN a.endorsed_revision ELSE a.current_revision END
                        WHERE l.leak_id = :id ORDER BY a.id
                        """).bind("id", leakId)
                .map((rs, ctx) -> new Leak.LinkedAgreement(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                        rs.getString("status"), rs.getInt("public") == 1))
                .list();
    }

    /** The koppelzone of an agreement, if it exists. */
    Optional<Long> agreementKoppelzone(Handle handle, long agreementId) {
        return handle.createQuery("SELECT koppelzone_id FROM agreement WHERE id = :id").bind("id", agreementId)
                .mapTo(Long.class).findOne();
    }

    /** The organisations of the koppelzone's parties with these slugs (unknown ones left out). */
    List<Long> partyIds(Handle handle, long koppelzoneId, List<String> slugs) {
        List<Long> ids = new ArrayList<>();
        for (String slug : slugs) {
            handle.createQuery("""
                            SELECT o.id FROM koppelzone_party p JOIN organisation o ON o.id = p.organisation_id
                            WHERE p.koppelzone_id = :k AND o.slug = :slug
                            """).bind("k", koppelzoneId).bind("slug", slug).mapTo(Long.class).findOne()
                    .filter(id -> !ids.contains(id)).ifPresent(ids::add);
        }
        return ids;
    }

    long insert(Handle handle, long koppelzoneId, String moment, String title, String description, String frequency,
                String example, Long accountId, String authorName, Instant now) {
        return handle.createUpdate("""
                        INSERT INTO leak (koppelzone_id, moment, title, description, frequency, example, created_by,
                                          author_name, created_at, updated_at)
                        VALUES (:k, :moment, :title, :description, :frequency, :example, :account, :author, :at, :at)
                        """)
                .bind("k", koppelzoneId).bind("moment", moment).bind("title", title).bind("description", description)
                .bind("frequency", frequency).bind("example", example).bind("account", accountId)
                .bind("author", authorName).bind("at", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    void addParty(Handle handle, long leakId, long organisationId) {
        handle.createUpdate("INSERT INTO leak_party (leak_id, organisation_id) VALUES (:l, :o) ON CONFLICT DO NOTHING")
                .bind("l", leakId).bind("o", organisationId).execute();
    }

    boolean link(Handle handle, long leakId, long agreementId, Instant now) {
        return handle.createUpdate("INSERT INTO leak_agreement (leak_id, agreement_id, linked_at) VALUES (:l, :a, :at) ON CONFLICT DO NOTHING")
                .bind("l", leakId).bind("a", agreementId).bind("at", now).execute() > 0;
    }

    void setStatus(Handle handle, long leakId, Leak.Status status, String reason, Instant now) {
        handle.createUpdate("""
                        UPDATE leak SET status = :status, reason = :reason, updated_at = :at,
                               published = CASE WHEN :status = 'opgelost' THEN published ELSE 0 END
                        WHERE id = :id
                        """)
                .bind("status", status.code()).bind("reason", reason).bind("at", now).bind("id", leakId).execute();
    }

    void setPublished(Handle handle, long leakId, boolean published, Instant now) {
        handle.createUpdate("UPDATE leak SET published = :p, updated_at = :at WHERE id = :id")
                .bind("p", published ? 1 : 0).bind("at", now).bind("id", leakId).execute();
    }

    void event(Handle handle, long leakId, String kind, Leak.Status status, String detail, String authorName, Instant now) {
        handle.createUpdate("""
                        INSERT INTO leak_event (leak_id, kind, status, detail, author_name, at)
                        VALUES (:l, :kind, :status, :detail, :author, :at)
                        """)
                .bind("l", leakId).bind("kind", kind).bind("status", status == null ? null : status.code())
                .bind("detail", detail).bind("author", authorName).bind("at", now).execute();
    }

    List<Leak.Event> events(Handle handle, long leakId) {
        return handle.createQuery("SELECT kind, status, detail, author_name, at FROM leak_event WHERE leak_id = :l ORDER BY id")
                .bind("l", leakId)
                .map((rs, ctx) -> new Leak.Event(rs.getString("kind"), Leak.Status.of(rs.getString("status")).orElse(null),
                        rs.getString("detail"), rs.getString("author_name"), Times.parse(rs.getString("at"))))
                .list();
    }

    long comment(Handle handle, long leakId, Long accountId, String authorName, String body, Instant now) {
        return handle.createUpdate("""
                        INSERT INTO leak_comment (leak_id, account_id, author_name, body, created_at)
                        VALUES (:l, :account, :author, :body, :at)
                        """)
                .bind("l", leakId).bind("account", accountId).bind("author", authorName).bind("body", body).bind("at", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    List<Leak.Comment> comments(Handle handle, long leakId) {
        return handle.createQuery("SELECT id, author_name, body, created_at FROM leak_comment WHERE leak_id = :l ORDER BY id")
                .bind("l", leakId)
                .map((rs, ctx) -> new Leak.Comment(rs.getLong("id"), rs.getString("author_name"), rs.getString("body"),
                        Times.parse(rs.getString("created_at"))))
                .list();
    }

    /** The leak a meeting item is about, if any. */
    Optional<Long> leakOfItem(Handle handle, long itemId) {
        return handle.createQuery("SELECT leak_id FROM meeting_item_leak WHERE item_id = :i").bind("i", itemId)
                .mapTo(Long.class).findOne();
    }

    void linkItem(Handle handle, long itemId, long leakId) {
        handle.createUpdate("INSERT INTO meeting_item_leak (item_id, leak_id) VALUES (:i, :l) ON CONFLICT DO NOTHING")
                .bind("i", itemId).bind("l", leakId).execute();
    }

    /** The koppelzone's agreements a leak can be linked to (not retired), by title. */
    List<Leak.LinkedAgreement> agreementChoices(Handle handle, long koppelzoneId) {
        return handle.createQuery("""
                        SELECT a.id, a.slug, a.status, r.title, (a.endorsed_revision IS NOT NULL AND a.status IN ('bekrachtigd', 'ter_bekrachtiging')) AS public FROM agreement a
                        JOIN revision r ON r.agreement_id = a.id AND r.number = a.current_revision
                        WHERE a.koppelzone_id = :k AND a.status <> 'vervallen' ORDER BY lower(r.title)
                        """).bind("k", koppelzoneId)
                .map((rs, ctx) -> new Leak.LinkedAgreement(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                        rs.getString("status"), rs.getInt("public") == 1))
                .list();
    }
}
