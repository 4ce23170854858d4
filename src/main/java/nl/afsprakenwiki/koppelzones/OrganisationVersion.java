package nl.afsprakenwiki.koppelzones;

import nl.afsprakenwiki.db.Times;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an organisation's row records about its last change (V030): the version a form or API call
 * is based on, and when and by whom (the name the audit log records) it was last changed; both null
 * until the first change. The SQL runs on a caller's handle.
 */
public record OrganisationVersion(int version, Instant changedAt, String changedBy) {

    static OrganisationVersion of(Handle handle, long organisationId) {
        return handle.createQuery("SELECT version, changed_at, changed_by FROM organisation WHERE id = :id")
                .bind("id", organisationId)
                .map((rs, ctx) -> new OrganisationVersion(rs.getInt(1),
                        Times.parseOrNull(rs.getString(2)), rs.getString(3)))
                .one();
    }

    /** Every organisation's version by id, for the register's row forms. */
    static Map<Long, Integer> all(Handle handle) {
        return handle.createQuery("SELECT id, version FROM organisation")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getInt(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Counts a change: the next version, now, by {@code name}. */
    static void bump(Handle handle, long organisationId, Instant now, String name) {
        handle.createUpdate("UPDATE organisation SET version = version + 1, changed_at = :at, changed_by = :by WHERE id = :id")
                .bind("at", now).bind("by", name).bind("id", organisationId).execute();
    }

    /**
     * A save based on version {@code base} while the organisation is at {@code current}: nothing was
     * written; the writer looks at what is stored now and decides again.
     */
    public static final class Stale extends RuntimeException {
        private final String slug;
        private final int base;
        private final OrganisationVersion current;

        Stale(String slug, int base, OrganisationVersion current) {
            super("organisation changed since version " + base + ", now " + current.version());
            this.slug = slug;
            this.base = base;
            this.current = current;
        }

        public String slug() {
            return slug;
        }

        public int base() {
            return base;
        }

        public OrganisationVersion current() {
            return current;
        }
    }

    /** An API change without the version it is based on (required, as an agreement's baseRevision). */
    public static final class Missing extends RuntimeException {
        private final String slug;
        private final int current;

        Missing(String slug, int current) {
            super("no version given for organisation " + slug);
            this.slug = slug;
            this.current = current;
        }

        public String slug() {
            return slug;
        }

        public int current() {
            return current;
        }
    }
}
