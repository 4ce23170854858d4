package nl.afsprakenwiki.meetings;

import nl.afsprakenwiki.db.Columns;
import nl.afsprakenwiki.db.Times;
import nl.afsprakenwiki.koppelzones.KoppelzoneStore;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.koppelzones.OrganisationKind;
import nl.afsprakenwiki.meetings.MeetingRecords.ActionItem;
import nl.afsprakenwiki.meetings.MeetingRecords.Decision;
import nl.afsprakenwiki.meetings.MeetingRecords.DecisionKind;
import nl.afsprakenwiki.meetings.MeetingRecords.Item;
import nl.afsprakenwiki.meetings.MeetingRecords.Kind;
import nl.afsprakenwiki.meetings.MeetingRecords.Meeting;
import nl.afsprakenwiki.meetings.MeetingRecords.Presence;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** SQL for meetings, their agenda, presence, decisions and action items. Runs on a caller's handle. */
final class MeetingStore {

    private static final RowMapper<Item> ITEM = (rs, ctx) -> new Item(rs.getLong("id"), rs.getLong("meeting_id"),
            rs.getInt("position"), Kind.fromCode(rs.getString("kind")), nullableLong(rs, "agreement_id"),
            Columns.optionalInt(rs, "revision_number"), rs.getString("title"), rs.getString("detail"), rs.getString("minutes"),
            Times.parseOrNull(rs.getString("minutes_saved_at")));

    private static final RowMapper<Decision> DECISION = (rs, ctx) -> new Decision(rs.getLong("id"), rs.getLong("meeting_id"),
            rs.getLong("item_id"), rs.getLong("agreement_id"), rs.getInt("revision_number"), rs.getString("sha256"),
            DecisionKind.valueOf(rs.getString("decision").toUpperCase(java.util.Locale.ROOT)), rs.getString("note"),
            rs.getString("review_date") == null ? null : LocalDate.parse(rs.getString("review_date")),
            rs.getString("decided_by"), Times.parse(rs.getString("decided_at")), Times.parse(rs.getString("starts_at")));

    private static final RowMapper<ActionItem> ACTION = (rs, ctx) -> new ActionItem(rs.getLong("id"),
            rs.getLong("koppelzone_id"), rs.getLong("meeting_id"), rs.getString("description"),
            nullableLong(rs, "owner_account_id"), rs.getString("owner_name"),
            rs.getString("due_date") == null ? null : LocalDate.parse(rs.getString("due_date")),
            "gereed".equals(rs.getString("status")), Times.parse(rs.getString("created_at")),
            Times.parseOrNull(rs.getString("done_at")));

    private final KoppelzoneStore koppelzones;

    MeetingStore(KoppelzoneStore koppelzones) {
        this.koppelzones = koppelzones;
    }

    private static Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    // --- meetings -------------------------------------------------------------------------------

    long insertMeeting(Handle handle, long koppelzoneId, Instant startsAt, Instant endsAt, String location, String by, Instant at) {
        return handle.createUpdate("""
                        INSERT INTO meeting (koppelzone_id, starts_at, ends_at, location, created_by, created_at)
                        VALUES (:k, :starts, :ends, :location, :by, :at)
                        """)
                .bind("k", koppelzoneId).bind("starts", startsAt).bind("ends", endsAt).bind("location", location)
                .bind("by", by).bind("at", at).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private record MeetingRow(long koppelzoneId, Instant startsAt, Instant endsAt, String location, boolean closed,
                              String createdBy, Instant closedAt, String closedBy, int sequence, Instant previousStartsAt,
                              Instant cancelledAt, String cancelledBy, String cancelReason) {
    }

    Optional<Meeting> meeting(Handle handle, long id) {
        return handle.createQuery("SELECT * FROM meeting WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new MeetingRow(rs.getLong("koppelzone_id"), Times.parse(rs.getString("starts_at")),
                        Times.parse(rs.getString("ends_at")), rs.getString("location"), "gesloten".equals(rs.getString("status")),
                        rs.getString("created_by"), Times.parseOrNull(rs.getString("closed_at")), rs.getString("closed_by"),
                        rs.getInt("sequence"), Times.parseOrNull(rs.getString("previous_starts_at")), Times.parseOrNull(rs.getString("cancelled_at")),
                        rs.getString("cancelled_by"), rs.getString("cancel_reason")))
                .findOne()
                .map(row -> new Meeting(id, koppelzones.byId(handle, row.koppelzoneId()).orElseThrow(), row.startsAt(), row.endsAt(),
                        row.location(), row.closed(), row.createdBy(), row.closedAt(), row.closedBy(), row.sequence(),
                        row.previousStartsAt(), row.cancelledAt(), row.cancelledBy(), row.cancelReason()));
    }

    List<Long> meetingIds(Handle handle, long koppelzoneId) {
        return handle.createQuery("SELECT id FROM meeting WHERE koppelzone_id = :k ORDER BY starts_at DESC")
                .bind("k", koppelzoneId).mapTo(Long.class).list();
    }

    /** Meetings the account is invited to that have not ended. */
    List<Long> upcomingFor(Handle handle, long accountId, Instant now) {
        return handle.createQuery("""
                        SELECT m.id FROM meeting m JOIN meeting_invitee i ON i.meeting_id = m.id
                        WHERE i.account_id = :account AND m.status = 'gepland' AND m.ends_at >= :now
                        ORDER BY m.starts_at
                        """)
                .bind("account", accountId).bind("now", now).mapTo(Long.class).list();
    }

    void close(Handle handle, long id, String by, Instant at) {
        handle.createUpdate("UPDATE meeting SET status = 'gesloten', closed_by = :by, closed_at = :at WHERE id = :id")
                .bind("by", by).bind("at", at).bind("id", id).execute();
    }

    void invite(Handle handle, long meetingId, long accountId) {
        handle.createUpdate("INSERT INTO meeting_invitee (meeting_id, account_id) VALUES (:m, :a) ON CONFLICT DO NOTHING")
                .bind("m", meetingId).bind("a", accountId).execute();
    }

    List<String> invitees(Handle handle, long meetingId) {
        return handle.createQuery("""
                        SELECT a.display_name FROM meeting_invitee i JOIN account a ON a.id = i.account_id
                        WHERE i.meeting_id = :m ORDER BY a.display_name
                        """)
                .bind("m", meetingId).mapTo(String.class).list();
    }

    // --- agenda ---------------------------------------------------------------------------------

    long insertItem(Handle handle, long meetingId, Kind kind, Long agreementId, Integer revision, String title, String detail) {
        int position = handle.createQuery("SELECT coalesce(max(position), 0) + 1 FROM meeting_item WHERE meeting_id = :m")
                .bind("m", meetingId).mapTo(Integer.class).one();
        return handle.createUpdate("""
                        INSERT INTO meeting_item (meeting_id, position, kind, agreement_id, revision_number, title, detail)
                        VALUES (:m, :p, :kind, :a, :r, :title, :detail)
                        """)
                .bind("m", meetingId).bind("p", position).bind("kind", kind.code()).bind("a", agreementId)
                .bind("r", revision).bind("title", title).bind("detail", detail)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    List<Item> items(Handle handle, long meetingId) {
        return handle.createQuery("SELECT * FROM meeting_item WHERE meeting_id = :m ORDER BY position, id")
                .bind("m", meetingId).map(ITEM).list();
    }

    Optional<Item> item(Handle handle, long itemId) {
        return handle.createQuery("SELECT * FROM meeting_item WHERE id = :id").bind("id", itemId).map(ITEM).findOne();
    }

    /** Removes an item that has no decisions (a decided item stays on the record). */
    boolean deleteItem(Handle handle, long itemId) {
        return handle.createUpdate("""
                        DELETE FROM meeting_item WHERE id = :id
                          AND NOT EXISTS (SELECT 1 FROM meeting_decision WHERE item_id = :id)
                        """).bind("id", itemId).execute() == 1;
    }

    void setPosition(Handle handle, long itemId, int position) {
        handle.createUpdate("UPDATE meeting_item SET position = :p WHERE id = :id").bind("p", position).bind("id", itemId).execute();
    }

    void saveMinutes(Handle handle, long itemId, String minutes, Instant at) {
        handle.createUpdate("UPDATE meeting_item SET minutes = :minutes, minutes_saved_at = :at WHERE id = :id")
                .bind("minutes", minutes).bind("at", at).bind("id", itemId).execute();
    }

    // --- presence -------------------------------------------------------------------------------

    void setPresence(Handle handle, long meetingId, long organisationId, boolean present, String names) {
        handle.createUpdate("""
                        INSERT INTO meeting_presence (meeting_id, organisation_id, present, names) VALUES (:m, :o, :p, :n)
                        ON CONFLICT (meeting_id, organisation_id) DO UPDATE SET present = excluded.present, names = excluded.names
                        """)
                .bind("m", meetingId).bind("o", organisationId).bind("p", present ? 1 : 0).bind("n", names).execute();
    }

    List<Presence> presence(Handle handle, long meetingId) {
        return handle.createQuery("""
                        SELECT p.present, p.names, o.id AS o_id, o.slug, o.name, o.kind
                        FROM meeting_presence p JOIN organisation o ON o.id = p.organisation_id
                        WHERE p.meeting_id = :m ORDER BY o.name
                        """)
                .bind("m", meetingId)
                .map((rs, ctx) -> new Presence(new Organisation(rs.getLong("o_id"), rs.getString("slug"), rs.getString("name"),
                        OrganisationKind.fromCode(rs.getString("kind")).orElseThrow()), rs.getInt("present") == 1,
                        rs.getString("names")))
                .list();
    }

    // --- decisions ------------------------------------------------------------------------------

    long insertDecision(Handle handle, long meetingId, long itemId, long agreementId, int revision, String sha256,
                        DecisionKind kind, String note, LocalDate reviewDate, String by, Instant at) {
        return handle.createUpdate("""
                        INSERT INTO meeting_decision (meeting_id, item_id, agreement_id, revision_number, sha256, decision,
                                                      note, review_date, decided_by, decided_at)
                        VALUES (:m, :i, :a, :r, :sha, :d, :note, :review, :by, :at)
                        """)
                .bind("m", meetingId).bind("i", itemId).bind("a", agreementId).bind("r", revision).bind("sha", sha256)
                .bind("d", kind.code()).bind("note", note).bind("review", reviewDate).bind("by", by).bind("at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    Optional<Decision> decision(Handle handle, long id) {
        return handle.createQuery("""
                        SELECT d.*, m.starts_at FROM meeting_decision d JOIN meeting m ON m.id = d.meeting_id
                        WHERE d.id = :id
                        """).bind("id", id).map(DECISION).findOne();
    }

    List<Decision> decisionsOfMeeting(Handle handle, long meetingId) {
        return handle.createQuery("""
                        SELECT d.*, m.starts_at FROM meeting_decision d JOIN meeting m ON m.id = d.meeting_id
                        WHERE d.meeting_id = :m ORDER BY d.id
                        """).bind("m", meetingId).map(DECISION).list();
    }

    List<Decision> decisionsOfAgreement(Handle handle, long agreementId) {
        return handle.createQuery("""
                        SELECT d.*, m.starts_at FROM meeting_decision d JOIN meeting m ON m.id = d.meeting_id
                        WHERE d.agreement_id = :a ORDER BY m.starts_at DESC, d.id DESC
                        """).bind("a", agreementId).map(DECISION).list();
    }

    // --- action items ---------------------------------------------------------------------------

    long insertAction(Handle handle, long koppelzoneId, long meetingId, String description, Long ownerAccountId,
                      String ownerName, LocalDate due, Instant at) {
        return handle.createUpdate("""
                        INSERT INTO action_item (koppelzone_id, meeting_id, description, owner_account_id, owner_name,
                                                 due_date, created_at)
                        VALUES (:k, :m, :d, :owner, :name, :due, :at)
                        """)
                .bind("k", koppelzoneId).bind("m", meetingId).bind("d", description).bind("owner", ownerAccountId)
                .bind("name", ownerName).bind("due", due).bind("at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    Optional<ActionItem> action(Handle handle, long id) {
        return handle.createQuery("SELECT * FROM action_item WHERE id = :id").bind("id", id).map(ACTION).findOne();
    }

    void setActionDone(Handle handle, long id, boolean done, Instant at) {
        handle.createUpdate("UPDATE action_item SET status = :s, done_at = :at WHERE id = :id")
                .bind("s", done ? "gereed" : "open").bind("at", done ? at : null).bind("id", id).execute();
    }

    List<ActionItem> actionsOfMeeting(Handle handle, long meetingId) {
        return handle.createQuery("SELECT * FROM action_item WHERE meeting_id = :m ORDER BY id").bind("m", meetingId)
                .map(ACTION).list();
    }

    List<ActionItem> openActions(Handle handle, long koppelzoneId) {
        return handle.createQuery("""
                        SELECT * FROM action_item WHERE koppelzone_id = :k AND status = 'open'
                        ORDER BY due_date IS NULL, due_date, id
                        """).bind("k", koppelzoneId).map(ACTION).list();
    }

    List<ActionItem> openActionsOf(Handle handle, long accountId) {
        return handle.createQuery("""
                        SELECT * FROM action_item WHERE owner_account_id = :a AND status = 'open'
                        ORDER BY due_date IS NULL, due_date, id
                        """).bind("a", accountId).map(ACTION).list();
    }

    /** Open proposals from adopters to agreements of the koppelzone: (agreement id, proposal count). */
    List<long[]> openSourceProposals(Handle handle, long koppelzoneId) {
        return handle.createQuery("""
                        SELECT p.source_agreement_id, count(*) AS n FROM source_proposal p
                        JOIN agreement a ON a.id = p.source_agreement_id
                        WHERE a.koppelzone_id = :k AND p.status = 'open'
                        GROUP BY p.source_agreement_id ORDER BY p.source_agreement_id
                        """)
                .bind("k", koppelzoneId).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    /** Accounts with a role in the koppelzone, for inviting: (id, display name). */
    List<Long> memberIds(Handle handle, long koppelzoneId) {
        return handle.createQuery("SELECT account_id FROM membership WHERE koppelzone_id = :k").bind("k", koppelzoneId)
                .mapTo(Long.class).list();
    }

    Optional<Long> accountId(Handle handle, String username) {
        return handle.createQuery("SELECT id FROM account WHERE username = :u").bind("u", username).mapTo(Long.class).findOne();
    }

    Optional<String> displayName(Handle handle, long accountId) {
        return handle.createQuery("SELECT display_name FROM account WHERE id = :id").bind("id", accountId).mapTo(String.class)
                .findOne();
    }
}
