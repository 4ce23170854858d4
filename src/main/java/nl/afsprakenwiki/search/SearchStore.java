package nl.afsprakenwiki.search;

import nl.afsprakenwiki.db.Columns;
import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.db.Times;
import nl.afsprakenwiki.privacy.Screening;
import nl.afsprakenwiki.privacy.TextGuard;
import nl.afsprakenwiki.privacy.TextSource;
import nl.afsprakenwiki.search.IndexedAgreement.Party;
import nl.afsprakenwiki.search.IndexedAgreement.Text;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL for the search index: which agreements changed after a given change number, and all they hold. */
final class SearchStore {

    private final TextGuard guard;

    /** {@code guard}: the rule that keeps an experience with an unconfirmed privacy finding from the public. */
    SearchStore(TextGuard guard) {
        this.guard = guard;
    }

    /** The highest change number an agreement carries (see migration V003); 0 without agreements. */
    long lastChange(Handle handle) {
        return handle.createQuery("SELECT coalesce(max(change_seq), 0) FROM agreement").mapTo(Long.class).one();
    }

    /** How many agreements changed after {@code after}; for progress reports. */
    int countChangedAfter(Handle handle, long after) {
        return handle.createQuery("SELECT count(*) FROM agreement WHERE change_seq > :after")
                .bind("after", after).mapTo(Integer.class).one();
    }

    /** Up to {@code limit} agreements changed after {@code after}, in the order of their changes. */
    List<IndexedAgreement> changedAfter(Handle handle, long after, int limit) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        handle.createQuery("""
                        SELECT a.id, a.change_seq, a.status, a.updated_at, a.current_revision, a.endorsed_revision,
                               k.id AS k_id, k.slug AS k_slug, k.name AS k_name,
                               m.slug AS m_slug, m.name AS m_name, m.jeugdregio,
                               c.title AS c_title, c.body AS c_body, c.created_at AS c_created,
                               e.title AS e_title, e.body AS e_body, e.created_at AS e_created,
                               -- only adoptions that are public themselves: everyone sees the same count,
                               -- and it gives away nothing about drafts (AgreementStatus.isPublic)
                               (SELECT count(*) FROM adoption ad JOIN agreement x ON x.id = ad.agreement_id
                                 WHERE ad.source_agreement_id = a.id
                                   AND x.status IN ('bekrachtigd', 'ter_bekrachtiging')
                                   AND x.endorsed_revision IS NOT NULL) AS adoptions,
                               -- experiences are added to public agreements only, and hidden ones do not count;
                               -- this is the members' count, pending ones included (publicExperiences)
                               (SELECT count(*) FROM experience ex
                                 WHERE ex.agreement_id = a.id AND ex.hidden_at IS NULL) AS experiences,
                               -- waardelekken it solves: members see all linked leaks (Leaks.visible),
                               -- everyone else only the solved and published ones
                               (SELECT count(*) FROM leak_agreement la WHERE la.agreement_id = a.id) AS member_leaks,
                               (SELECT count(*) FROM leak_agreement la JOIN leak l ON l.id = la.leak_id
                                 WHERE la.agreement_id = a.id AND l.published = 1 AND l.status = 'opgelost')
                                 AS public_leaks
                        FROM agreement a
                        JOIN koppelzone k ON k.id = a.koppelzone_id
                        JOIN municipality m ON m.id = k.municipality_id
                        JOIN revision c ON c.agreement_id = a.id AND c.number = a.current_revision
                        LEFT JOIN revision e ON e.agreement_id = a.id AND e.number = a.endorsed_revision
                        WHERE a.change_seq > :after
                        ORDER BY a.change_seq
                        LIMIT :limit
                        """)
                .bind("after", after).bind("limit", limit)
                .map((rs, ctx) -> {
                    Integer endorsed = Columns.optionalInt(rs, "endorsed_revision");
                    return new Row(rs.getLong("id"), rs.getLong("change_seq"), rs.getString("status"),
                            rs.getString("updated_at"), rs.getLong("k_id"), rs.getString("k_slug"),
                            rs.getString("k_name"), rs.getString("m_slug"), rs.getString("m_name"),
                            rs.getString("jeugdregio"), rs.getInt("adoptions"), rs.getInt("experiences"),
                            rs.getInt("member_leaks"), rs.getInt("public_leaks"),
                            new Text(rs.getInt("current_revision"), rs.getString("c_title"), rs.getString("c_body"),
                                    Times.parse(rs.getString("c_created"))),
                            endorsed == null || rs.getString("e_title") == null ? null
                                    : new Text(endorsed, rs.getString("e_title"), rs.getString("e_body"),
                                    Times.parse(rs.getString("e_created"))));
                })
                .forEach(row -> rows.put(row.id(), row));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> themes = new HashMap<>();
        handle.createQuery("SELECT agreement_id, theme FROM agreement_theme WHERE agreement_id IN (<ids>) ORDER BY theme")
                .bindList("ids", List.copyOf(rows.keySet()))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> themes.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<Party>> parties = new HashMap<>();
        handle.createQuery("""
                        SELECT ap.agreement_id, o.slug, o.name, o.kind
                        FROM agreement_party ap JOIN organisation o ON o.id = ap.organisation_id
                        WHERE ap.agreement_id IN (<ids>) ORDER BY o.name
                        """)
                .bindList("ids", List.copyOf(rows.keySet()))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new Party(rs.getString(2), rs.getString(3), rs.getString(4))))
                .forEach(e -> parties.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, Integer> publicExperiences = publicExperiences(handle, List.copyOf(rows.keySet()));
        List<IndexedAgreement> result = new ArrayList<>(rows.size());
        for (Row row : rows.values()) {
            result.add(new IndexedAgreement(row.id(), row.changeSeq(), row.koppelzoneId(), row.koppelzoneSlug(),
                    row.koppelzoneName(), row.municipalitySlug(), row.municipalityName(), row.jeugdregio(),
                    AgreementStatus.fromCode(row.status()).orElseThrow(), Times.parse(row.updatedAt()),
                    row.adoptions(), row.experiences(), themes.getOrDefault(row.id(), List.of()), parties.getOrDefault(row.id(), List.of()),
                    row.current(), row.endorsed(), row.memberLeaks(), row.publicLeaks(),
                    publicExperiences.getOrDefault(row.id(), 0)));
        }
        return result;
    }

    /**
     * Per agreement, its experiences the public sees (issue 12 point 3, no side channels): visible and
     * not waiting for a privacy confirmation, by the same rule as the agreement's page
     * ({@link TextGuard#waitsForConfirmation}, with the parties of its koppelzone).
     */
    private Map<Long, Integer> publicExperiences(Handle handle, List<Long> ids) {
        record Visible(long id, long agreementId, String body) {
        }
        Map<Long, Integer> counts = new HashMap<>();
        handle.createQuery("""
                        SELECT id, agreement_id, body FROM experience
                        WHERE agreement_id IN (<ids>) AND hidden_at IS NULL
                        """)
                .bindList("ids", ids)
                .map((rs, ctx) -> new Visible(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .list()
                .forEach(experience -> {
                    if (!guard.waitsForConfirmation(handle, TextSource.EXPERIENCE, experience.id(),
                            Screening.fields("body", experience.body()))) {
                        counts.merge(experience.agreementId(), 1, Integer::sum);
                    }
                });
        return counts;
    }

    private record Row(long id, long changeSeq, String status, String updatedAt, long koppelzoneId,
                       String koppelzoneSlug, String koppelzoneName, String municipalitySlug, String municipalityName,
                       String jeugdregio, int adoptions, int experiences, int memberLeaks, int publicLeaks,
                       Text current, Text endorsed) {
    }
}
