package nl.afsprakenwiki.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.Times;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The append-only record of every write and every security event. Content changes are recorded in
 * the same transaction as the change, so the log and the data can never disagree; security events
 * (a failed login) are recorded on their own. Passwords and tokens are never part of an event.
 */
public final class AuditLog {

    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private final Database db;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** One entry as the beheerder sees it. */
    public record Event(long id, Instant at, String actor, Long actorAccountId, String actorUsername, String action,
                        String target, Long koppelzoneId, String koppelzoneName, String details) {
    }

    /**
     * What to look for; null fields match everything. {@code actor} matches the name recorded with the
     * event or the account's username; dates are inclusive days in Dutch time; {@code action} is one code.
     */
    public record Filter(String actor, Long koppelzoneId, LocalDate from, LocalDate to, String action) {
    }

    /** Records an event inside the caller's transaction. */
    public void record(Handle handle, Author actor, String action, String target, Long koppelzoneId, Map<String, ?> details) {
        handle.createUpdate("""
                        INSERT INTO audit_event (at, actor, actor_account_id, action, target, koppelzone_id, details)
                        VALUES (:at, :actor, :account, :action, :target, :koppelzone, :details)
                        """)
                .bind("at", clock.instant())
                .bind("actor", actor.name())
                .bind("account", actor.accountId())
                .bind("action", action)
                .bind("target", target)
                .bind("koppelzone", koppelzoneId)
                .bind("details", toJson(details))
                .execute();
    }

    /** Records an event in a transaction of its own (security events such as a failed login). */
    public void recordNow(Author actor, String action, String target, Map<String, ?> details) {
        db.write(handle -> {
            record(handle, actor, action, target, null, details);
            return null;
        });
    }

    public List<Event> search(Filter filter, int limit, int offset) {
        return db.read(handle -> {
            StringBuilder sql = new StringBuilder("""
                    SELECT e.id, e.at, e.actor, e.actor_account_id, a.username AS actor_username, e.action, e.target,
                           e.koppelzone_id,
                           k.name AS koppelzone_name, e.details
                    FROM audit_event e
                    LEFT JOIN koppelzone k ON k.id = e.koppelzone_id
                    LEFT JOIN account a ON a.id = e.actor_account_id
                    WHERE 1 = 1
                    """);
            if (filter.actor() != null && !filter.actor().isBlank()) {
                // lower() on both sides: SQLite's LIKE ignores case, PostgreSQL's does not
                sql.append(" AND (lower(e.actor) LIKE lower(:actor) ESCAPE '!' OR lower(a.username) LIKE lower(:actor) ESCAPE '!')");
            }
            if (filter.koppelzoneId() != null) {
                sql.append(" AND e.koppelzone_id = :koppelzone");
            }
            if (filter.from() != null) {
                sql.append(" AND e.at >= :from");
            }
            if (filter.to() != null) {
                sql.append(" AND e.at < :to");
            }
            if (filter.action() != null && !filter.action().isBlank()) {
                sql.append(" AND e.action = :action");
            }
            sql.append(" ORDER BY e.id DESC LIMIT :limit OFFSET :offset");
            Query query = handle.createQuery(sql.toString()).bind("limit", limit).bind("offset", offset);
            if (filter.actor() != null && !filter.actor().isBlank()) {
                query.bind("actor", "%" + like(filter.actor().strip()) + "%");
            }
            if (filter.koppelzoneId() != null) {
                query.bind("koppelzone", filter.koppelzoneId());
            }
            if (filter.from() != null) {
                query.bind("from", filter.from().atStartOfDay(DUTCH_TIME).toInstant());
            }
            if (filter.to() != null) {
                query.bind("to", filter.to().plusDays(1).atStartOfDay(DUTCH_TIME).toInstant());
            }
            if (filter.action() != null && !filter.action().isBlank()) {
                query.bind("action", filter.action().strip());
            }
            return query.map((rs, ctx) -> new Event(rs.getLong("id"), Times.parse(rs.getString("at")),
                    rs.getString("actor"), nullableLong(rs, "actor_account_id"), rs.getString("actor_username"),
                    rs.getString("action"),
                    rs.getString("target"), nullableLong(rs, "koppelzone_id"),
                    rs.getString("koppelzone_name"), rs.getString("details"))).list();
        });
    }

    private static String like(String value) {
        // '!' rather than a backslash: Jdbi's parser reads '\' as an escaped quote and would swallow what follows
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private String toJson(Map<String, ?> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be plain values", e);
        }
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
