package nl.afsprakenwiki.accounts;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.ReadCache;
import nl.afsprakenwiki.text.Hashes;
import org.jdbi.v3.core.Handle;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Login sessions as rows of {@code web_session} (V036): kept in the database, so that they outlive a
 * restart and hold on every instance that shares it. A session is found by the SHA-256 of its id,
 * never by the id itself (the cookie's secret). The web server's session store ({@code auth.StoredSessions})
 * reads and writes them; a password change ends an account's other sessions here, in its own transaction.
 */
public final class AccountSessions {

    /** One stored session: Jetty's times (milliseconds since 1970) and its serialized attributes. */
    public record Stored(String username, long created, long accessed, long lastAccessed, long cookieSet, long expiry,
                         long maxInactive, long lastSaved, byte[] attributes) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Stored that && Objects.equals(username, that.username) && created == that.created
                    && accessed == that.accessed && lastAccessed == that.lastAccessed && cookieSet == that.cookieSet
                    && expiry == that.expiry && maxInactive == that.maxInactive && lastSaved == that.lastSaved
                    && Arrays.equals(attributes, that.attributes);
        }

        @Override
        public int hashCode() {
            return Objects.hash(username, created, accessed, lastAccessed, cookieSet, expiry, maxInactive, lastSaved)
                    * 31 + Arrays.hashCode(attributes);
        }
    }

    private final Database db;
    /**
     * Every signed-in request reads its session: kept, by the hash of its id, for as long as no commit
     * (of any instance) changed {@code web_session}; a session is written at most every few minutes.
     */
    private final ReadCache<String, Optional<Stored>> kept;

    public AccountSessions(Database db) {
        this.db = db;
        this.kept = new ReadCache<>(db, 10_000);
    }

    public Optional<Stored> load(String sessionId) {
        String key = Hashes.sha256(sessionId);
        return kept.get(key, () -> read(key));
    }

    private Optional<Stored> read(String key) {
        return db.read(handle -> handle.createQuery("""
                        SELECT username, created, accessed, last_accessed, cookie_set, expiry, max_inactive, last_saved,
                               attributes
                        FROM web_session WHERE id_sha256 = :id""")
                .bind("id", key)
                .map((rs, ctx) -> new Stored(rs.getString("username"), rs.getLong("created"), rs.getLong("accessed"),
                        rs.getLong("last_accessed"), rs.getLong("cookie_set"), rs.getLong("expiry"),
                        rs.getLong("max_inactive"), rs.getLong("last_saved"), rs.getBytes("attributes")))
                .findOne());
    }

    /** Writes a new session (or one under a new id), replacing a row of the same id. */
    public void insert(String sessionId, Stored session) {
        db.write(handle -> handle.createUpdate("""
                        INSERT INTO web_session (id_sha256, username, created, accessed, last_accessed, cookie_set, expiry,
                                                 max_inactive, last_saved, attributes)
                        VALUES (:id, :username, :created, :accessed, :lastAccessed, :cookieSet, :expiry, :maxInactive,
                                :lastSaved, :attributes)
                        ON CONFLICT (id_sha256) DO UPDATE SET username = excluded.username, created = excluded.created,
                            accessed = excluded.accessed, last_accessed = excluded.last_accessed,
                            cookie_set = excluded.cookie_set, expiry = excluded.expiry,
                            max_inactive = excluded.max_inactive, last_saved = excluded.last_saved,
                            attributes = excluded.attributes""")
                .bind("id", Hashes.sha256(sessionId)).bindMethods(session).execute());
    }

    /**
     * Writes a session that was stored before; false when it is gone: ended meanwhile (a logout in another
     * tab, a password change), it is not brought back by a request that was still running.
     */
    public boolean update(String sessionId, Stored session) {
        return db.write(handle -> handle.createUpdate("""
                        UPDATE web_session SET username = :username, accessed = :accessed, last_accessed = :lastAccessed,
                               cookie_set = :cookieSet, expiry = :expiry, max_inactive = :maxInactive,
                               last_saved = :lastSaved, attributes = :attributes
                        WHERE id_sha256 = :id""")
                .bind("id", Hashes.sha256(sessionId)).bindMethods(session).execute() == 1);
    }

    public boolean delete(String sessionId) {
        return db.write(handle -> handle.createUpdate("DELETE FROM web_session WHERE id_sha256 = :id")
                .bind("id", Hashes.sha256(sessionId)).execute() == 1);
    }

    /** Whether the session is stored and has not expired at {@code now}. */
    public boolean exists(String sessionId, long now) {
        return db.read(handle -> handle.createQuery("""
                        SELECT count(*) FROM web_session WHERE id_sha256 = :id AND (expiry <= 0 OR expiry > :now)""")
                .bind("id", Hashes.sha256(sessionId)).bind("now", now).mapTo(Integer.class).one() > 0);
    }

    /** Of these sessions, those that are gone or expired at {@code now}. */
    public Set<String> expiredAmong(Set<String> sessionIds, long now) {
        Set<String> expired = new HashSet<>();
        for (String id : sessionIds) {
            if (!exists(id, now)) {
                expired.add(id);
            }
        }
        return expired;
    }

    /** Deletes every session that expired before {@code before}; how many. */
    public int deleteExpired(long before) {
        return db.write(handle -> handle.createUpdate("DELETE FROM web_session WHERE expiry > 0 AND expiry < :before")
                .bind("before", before).execute());
    }

    /**
     * Ends every session of {@code username} except {@code keepSessionId} (null: all of them), in the
     * caller's transaction: after a password change only the session that changed it stays signed in.
     */
    static int endSessionsOf(Handle handle, String username, String keepSessionId) {
        return handle.createUpdate("DELETE FROM web_session WHERE username = :username AND id_sha256 <> :keep")
                .bind("username", username).bind("keep", keepSessionId == null ? "" : Hashes.sha256(keepSessionId))
                .execute();
    }
}
