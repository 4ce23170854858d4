package nl.afsprakenwiki.templates;

import nl.afsprakenwiki.db.Times;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL of the template tables. Every method runs on a caller's handle. */
final class TemplateStore {

    private static final String CURRENT = """
            SELECT t.id, t.koppelzone_id, t.slug, t.retired_at, r.number, r.name, r.body, r.author_name, r.created_at
            FROM template t JOIN template_revision r ON r.template_id = t.id AND r.number = t.current_revision
            """;

    private static final RowMapper<Template> TEMPLATE = (rs, ctx) -> {
        long koppelzone = rs.getLong("koppelzone_id");
        Long koppelzoneId = rs.wasNull() ? null : koppelzone;
        return new Template(rs.getLong("id"), koppelzoneId, rs.getString("slug"), rs.getString("name"),
                rs.getString("body"), rs.getInt("number"), rs.getString("author_name"),
                Times.parse(rs.getString("created_at")), rs.getString("retired_at") != null);
    };

    /** The national templates and those of the koppelzone (if any), retired ones left out; national first. */
    List<Template> available(Handle handle, Long koppelzoneId) {
        return handle.createQuery(CURRENT + """
                        WHERE t.retired_at IS NULL AND (t.koppelzone_id IS NULL OR t.koppelzone_id = :k)
                        ORDER BY t.koppelzone_id IS NOT NULL, lower(r.name), t.id
                        """)
                .bind("k", koppelzoneId).map(TEMPLATE).list();
    }

    /** All templates of the koppelzone, retired ones last. */
    List<Template> ofKoppelzone(Handle handle, long koppelzoneId) {
        return handle.createQuery(CURRENT + """
                        WHERE t.koppelzone_id = :k ORDER BY t.retired_at IS NOT NULL, lower(r.name), t.id
                        """)
                .bind("k", koppelzoneId).map(TEMPLATE).list();
    }

    Optional<Template> find(Handle handle, long id) {
        return handle.createQuery(CURRENT + " WHERE t.id = :id").bind("id", id).map(TEMPLATE).findOne();
    }

    boolean slugTaken(Handle handle, long koppelzoneId, String slug) {
        return handle.createQuery("SELECT count(*) FROM template WHERE slug = :slug "
                        + "AND (koppelzone_id = :k OR koppelzone_id IS NULL)")
                .bind("slug", slug).bind("k", koppelzoneId).mapTo(Integer.class).one() > 0;
    }

    long insert(Handle handle, long koppelzoneId, String slug, Instant now) {
        return handle.createUpdate("INSERT INTO template (koppelzone_id, slug, created_at) VALUES (:k, :slug, :at)")
                .bind("k", koppelzoneId).bind("slug", slug).bind("at", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Appends the next revision and makes it current; its number. */
    int appendRevision(Handle handle, long templateId, String name, String body, String authorName, Instant now) {
        int number = handle.createQuery("SELECT current_revision + 1 FROM template WHERE id = :id")
                .bind("id", templateId).mapTo(Integer.class).one();
        handle.createUpdate("""
                        INSERT INTO template_revision (template_id, number, name, body, author_name, created_at)
                        VALUES (:id, :number, :name, :body, :author, :at)
                        """)
                .bind("id", templateId).bind("number", number).bind("name", name).bind("body", body)
                .bind("author", authorName).bind("at", now).execute();
        handle.createUpdate("UPDATE template SET current_revision = :number WHERE id = :id")
                .bind("number", number).bind("id", templateId).execute();
        return number;
    }

    void retire(Handle handle, long templateId, Instant now) {
        handle.createUpdate("UPDATE template SET retired_at = :at WHERE id = :id AND retired_at IS NULL")
                .bind("at", now).bind("id", templateId).execute();
    }

    /** The revisions of a template, newest first. */
    List<Template.Revision> revisions(Handle handle, long templateId) {
        return handle.createQuery("""
                        SELECT number, name, body, author_name, created_at FROM template_revision
                        WHERE template_id = :id ORDER BY number DESC
                        """)
                .bind("id", templateId)
                .map((rs, ctx) -> new Template.Revision(rs.getInt("number"), rs.getString("name"), rs.getString("body"),
                        rs.getString("author_name"), Times.parse(rs.getString("created_at"))))
                .list();
    }
}
