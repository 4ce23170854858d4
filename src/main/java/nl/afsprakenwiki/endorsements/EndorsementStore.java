package nl.afsprakenwiki.endorsements;

import nl.afsprakenwiki.db.Columns;
import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.db.Times;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.koppelzones.OrganisationKind;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** SQL for endorsement rounds, decisions and acknowledgements. Every method runs on a caller's handle. */
final class EndorsementStore {

    private static final RowMapper<Round> ROUND = (rs, ctx) -> new Round(rs.getLong("id"), rs.getLong("agreement_id"),
            rs.getInt("revision_number"), rs.getString("sha256"), rs.getString("proposed_by"),
            Times.parse(rs.getString("proposed_at")), Times.parseOrNull(rs.getString("closed_at")),
            Round.Outcome.fromCode(rs.getString("outcome")), rs.getString("closed_by"), rs.getString("closed_reason"),
            rs.getInt("imported") == 1);

    private static final String DECISION_SELECT = """
            SELECT e.id, e.round_id, e.revision_number, e.sha256, e.person_name, e.decision, e.remark, e.decided_at,
                   o.id AS o_id, o.slug AS o_slug, o.name AS o_name, o.kind AS o_kind
            FROM endorsement e JOIN organisation o ON o.id = e.organisation_id
            """;

    private static final RowMapper<Decision> DECISION = (rs, ctx) -> new Decision(rs.getLong("id"),
            rs.getLong("round_id"), rs.getInt("revision_number"), rs.getString("sha256"), organisation(rs),
            rs.getString("person_name"), Decision.Kind.valueOf(rs.getString("decision").toUpperCase(java.util.Locale.ROOT)),
            rs.getString("remark"), Times.parse(rs.getString("decided_at")));

    private static Organisation organisation(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Organisation(rs.getLong("o_id"), rs.getString("o_slug"), rs.getString("o_name"),
                OrganisationKind.fromCode(rs.getString("o_kind")).orElseThrow());
    }

    // --- rounds ---------------------------------------------------------------------------------

    Optional<Round> openRound(Handle handle, long agreementId) {
        return handle.createQuery("SELECT * FROM endorsement_round WHERE agreement_id = :a AND closed_at IS NULL")
                .bind("a", agreementId).map(ROUND).findOne();
    }

    /** Every round of an agreement, newest first. */
    List<Round> rounds(Handle handle, long agreementId) {
        return handle.createQuery("SELECT * FROM endorsement_round WHERE agreement_id = :a ORDER BY id DESC")
                .bind("a", agreementId).map(ROUND).list();
    }

    /** The round in which {@code revision} became endorsed, if any. */
    Optional<Round> endorsedRound(Handle handle, long agreementId, int revision) {
        return handle.createQuery("""
                        SELECT * FROM endorsement_round
                        WHERE agreement_id = :a AND revision_number = :r AND outcome = 'bekrachtigd'
                        ORDER BY id DESC LIMIT 1
                        """)
                .bind("a", agreementId).bind("r", revision).map(ROUND).findOne();
    }

    long insertRound(Handle handle, long agreementId, int revision, String sha256, Author by, Instant at) {
        return handle.createUpdate("""
                        INSERT INTO endorsement_round (agreement_id, revision_number, sha256, proposed_by,
                                                       proposed_by_account_id, proposed_at)
                        VALUES (:a, :r, :sha, :by, :account, :at)
                        """)
                .bind("a", agreementId).bind("r", revision).bind("sha", sha256).bind("by", by.name())
                .bind("account", by.accountId()).bind("at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** A round for a revision endorsed outside the wiki (import): closed at once, without decisions. */
    void insertImportedRound(Handle handle, long agreementId, int revision, String sha256, String by, Instant at) {
        handle.createUpdate("""
                        INSERT INTO endorsement_round (agreement_id, revision_number, sha256, proposed_by, proposed_at,
                                                       closed_at, outcome, closed_by, imported)
                        VALUES (:a, :r, :sha, :by, :at, :at, 'bekrachtigd', :by, 1)
                        """)
                .bind("a", agreementId).bind("r", revision).bind("sha", sha256).bind("by", by).bind("at", at).execute();
    }

    void closeRound(Handle handle, long roundId, Round.Outcome outcome, String by, String reason, Instant at) {
        handle.createUpdate("""
                        UPDATE endorsement_round SET closed_at = :at, outcome = :outcome, closed_by = :by,
                               closed_reason = :reason
                        WHERE id = :id AND closed_at IS NULL
                        """)
                .bind("at", at).bind("outcome", outcome.code()).bind("by", by).bind("reason", reason)
                .bind("id", roundId).execute();
    }

    /** Open rounds in the koppelzones where the account is a manager, for the parties that are its organisation. */
    List<Round> openRoundsForManager(Handle handle, long accountId, long organisationId) {
        return handle.createQuery("""
                        SELECT r.* FROM endorsement_round r
                        JOIN agreement a ON a.id = r.agreement_id
                        JOIN agreement_party p ON p.agreement_id = a.id AND p.organisation_id = :o
                        JOIN membership m ON m.koppelzone_id = a.koppelzone_id AND m.account_id = :account
                                         AND m.role = 'manager'
                        WHERE r.closed_at IS NULL
                        ORDER BY r.proposed_at, r.id
                        """)
                .bind("account", accountId).bind("o", organisationId).map(ROUND).list();
    }

    List<Round> openRoundsInKoppelzone(Handle handle, long koppelzoneId) {
        return handle.createQuery("""
                        SELECT r.* FROM endorsement_round r JOIN agreement a ON a.id = r.agreement_id
                        WHERE r.closed_at IS NULL AND a.koppelzone_id = :k
                        ORDER BY r.proposed_at, r.id
                        """)
                .bind("k", koppelzoneId).map(ROUND).list();
    }

    /** Open rounds of the koppelzones given, for "Mijn overzicht". */
    List<Round> openRoundsInKoppelzones(Handle handle, Collection<Long> koppelzoneIds) {
        if (koppelzoneIds.isEmpty()) {
            return List.of();
        }
        return handle.createQuery("""
                        SELECT r.* FROM endorsement_round r JOIN agreement a ON a.id = r.agreement_id
                        WHERE r.closed_at IS NULL AND a.koppelzone_id IN (<zones>)
                        ORDER BY r.proposed_at, r.id
                        """)
                .bindList("zones", List.copyOf(koppelzoneIds)).map(ROUND).list();
    }

    // --- decisions ------------------------------------------------------------------------------

    long insertDecision(Handle handle, Round round, long organisationId, Author by, Decision.Kind kind, String remark,
                        Instant at) {
        return handle.createUpdate("""
                        INSERT INTO endorsement (round_id, agreement_id, revision_number, sha256, organisation_id,
                                                 account_id, person_name, decision, remark, decided_at)
                        VALUES (:round, :a, :r, :sha, :o, :account, :person, :decision, :remark, :at)
                        """)
                .bind("round", round.id()).bind("a", round.agreementId()).bind("r", round.revision())
                .bind("sha", round.sha256()).bind("o", organisationId).bind("account", by.accountId())
                .bind("person", by.name()).bind("decision", kind.code()).bind("remark", remark).bind("at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** The decisions of the rounds given, oldest first. */
    List<Decision> decisions(Handle handle, Collection<Long> roundIds) {
        if (roundIds.isEmpty()) {
            return List.of();
        }
        return handle.createQuery(DECISION_SELECT + " WHERE e.round_id IN (<rounds>) ORDER BY e.id")
                .bindList("rounds", List.copyOf(roundIds)).map(DECISION).list();
    }

    /** The newest revision below {@code before} that the organisation endorsed, if any. */
    Optional<Integer> lastEndorsedBy(Handle handle, long agreementId, long organisationId, int before) {
        return handle.createQuery("""
                        SELECT revision_number FROM endorsement
                        WHERE agreement_id = :a AND organisation_id = :o AND decision = 'endorse' AND revision_number < :before
                        ORDER BY id DESC LIMIT 1
                        """)
                .bind("a", agreementId).bind("o", organisationId).bind("before", before).mapTo(Integer.class).findOne();
    }

    // --- acknowledgements -----------------------------------------------------------------------

    /** An agreement that applies to a party which joined after it was endorsed, and whether it took note. */
    record ApplyingRow(long organisationId, LocalDate joinedOn, long agreementId, int endorsedRevision,
                       String personName, Instant acknowledgedAt) {
    }

    /**
     * For every party of the koppelzone: the agreements in force there that were endorsed before it
     * joined and that it is not itself a party to ("nieuwe toetreders"), with its latest kennisname.
     */
    List<ApplyingRow> applying(Handle handle, long koppelzoneId) {
        return handle.createQuery("""
                        SELECT p.organisation_id, p.joined_on, a.id AS agreement_id, a.endorsed_revision,
                               ack.person_name, ack.acknowledged_at
                        FROM koppelzone_party p
                        JOIN agreement a ON a.koppelzone_id = p.koppelzone_id
                        LEFT JOIN acknowledgement ack ON ack.id = (
                            SELECT max(x.id) FROM acknowledgement x
                            WHERE x.agreement_id = a.id AND x.organisation_id = p.organisation_id)
                        WHERE p.koppelzone_id = :k
                          AND a.endorsed_revision IS NOT NULL AND a.status IN ('bekrachtigd', 'ter_bekrachtiging')
                          AND substr(a.endorsed_at, 1, 10) <= p.joined_on
                          AND NOT EXISTS (SELECT 1 FROM agreement_party ap
                                          WHERE ap.agreement_id = a.id AND ap.organisation_id = p.organisation_id)
                        ORDER BY p.organisation_id, a.id
                        """)
                .bind("k", koppelzoneId)
                .map((rs, ctx) -> new ApplyingRow(rs.getLong("organisation_id"), LocalDate.parse(rs.getString("joined_on")),
                        rs.getLong("agreement_id"), rs.getInt("endorsed_revision"), rs.getString("person_name"),
                        Times.parseOrNull(rs.getString("acknowledged_at"))))
                .list();
    }

    /** Records a kennisname; false when this organisation already took note of this revision. */
    boolean insertAcknowledgement(Handle handle, long agreementId, int revision, long organisationId, Author by, Instant at) {
        return handle.createUpdate("""
                        INSERT INTO acknowledgement (agreement_id, revision_number, organisation_id, account_id,
                                                     person_name, acknowledged_at)
                        VALUES (:a, :r, :o, :account, :person, :at)
                        ON CONFLICT DO NOTHING
                        """)
                .bind("a", agreementId).bind("r", revision).bind("o", organisationId).bind("account", by.accountId())
                .bind("person", by.name()).bind("at", at).execute() == 1;
    }

    // --- lists ----------------------------------------------------------------------------------

    /** An agreement became (again) endorsed: an entry of the Atom feeds. */
    record EndorsedEvent(long agreementId, int revision, Integer previousRevision, Instant at, boolean imported,
                         String title, String summary, String koppelzoneSlug, String koppelzoneName,
                         String municipalityName) {
    }

    /** The newest endorsements of agreements that are public now, optionally of one koppelzone or agreement. */
    List<EndorsedEvent> endorsedEvents(Handle handle, Long koppelzoneId, Long agreementId, int limit) {
        String sql = """
                SELECT r.agreement_id, r.revision_number, r.closed_at, r.imported, rv.title, rv.summary,
                       k.slug AS k_slug, k.name AS k_name, m.name AS m_name,
                       (SELECT max(p.revision_number) FROM endorsement_round p
                        WHERE p.agreement_id = r.agreement_id AND p.outcome = 'bekrachtigd'
                          AND p.revision_number < r.revision_number) AS previous
                FROM endorsement_round r
                JOIN agreement a ON a.id = r.agreement_id
                JOIN revision rv ON rv.agreement_id = r.agreement_id AND rv.number = r.revision_number
                JOIN koppelzone k ON k.id = a.koppelzone_id
                JOIN municipality m ON m.id = k.municipality_id
                WHERE r.outcome = 'bekrachtigd' AND a.status IN ('bekrachtigd', 'ter_bekrachtiging')
                  AND a.endorsed_revision IS NOT NULL AND r.revision_number <= a.endorsed_revision
                """ + (koppelzoneId != null ? " AND a.koppelzone_id = :k" : "")
                + (agreementId != null ? " AND a.id = :agreement" : "")
                + " ORDER BY r.closed_at DESC, r.id DESC LIMIT :limit";
        var query = handle.createQuery(sql).bind("limit", limit);
        if (koppelzoneId != null) {
            query.bind("k", koppelzoneId);
        }
        if (agreementId != null) {
            query.bind("agreement", agreementId);
        }
        return query.map((rs, ctx) -> new EndorsedEvent(rs.getLong("agreement_id"), rs.getInt("revision_number"),
                Columns.optionalInt(rs, "previous"), Times.parse(rs.getString("closed_at")), rs.getInt("imported") == 1,
                rs.getString("title"), rs.getString("summary"), rs.getString("k_slug"), rs.getString("k_name"),
                rs.getString("m_name"))).list();
    }

    List<Overviews.RecentRevision> recentRevisions(Handle handle, long koppelzoneId, int limit) {
        return handle.createQuery("""
                        SELECT r.agreement_id, r.number, r.title, r.author_name, r.created_at, r.summary
                        FROM revision r JOIN agreement a ON a.id = r.agreement_id
                        WHERE a.koppelzone_id = :k
                        ORDER BY r.created_at DESC, r.id DESC LIMIT :limit
                        """)
                .bind("k", koppelzoneId).bind("limit", limit)
                .map((rs, ctx) -> new Overviews.RecentRevision(rs.getLong("agreement_id"), rs.getInt("number"), rs.getString("title"),
                        rs.getString("author_name"), Times.parse(rs.getString("created_at")), rs.getString("summary")))
                .list();
    }

    /** Agreements whose current revision the account wrote and that are not endorsed as they stand. */
    List<Long> ownDrafts(Handle handle, long accountId, int limit) {
        return handle.createQuery("""
                        SELECT a.id FROM agreement a
                        JOIN revision r ON r.agreement_id = a.id AND r.number = a.current_revision
                        WHERE r.author_account_id = :account AND a.status <> 'vervallen'
                          AND a.current_revision > coalesce(a.endorsed_revision, 0)
                        ORDER BY a.updated_at DESC LIMIT :limit
                        """)
                .bind("account", accountId).bind("limit", limit).mapTo(Long.class).list();
    }
}
