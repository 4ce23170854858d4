package nl.afsprakenwiki.admin;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.Times;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The beheerder's search through thousands of accounts: one text (name, username, e-mail address or
 * organisation) and filters for organisation, role and state, sorted by name, a page at a time.
 * Reads accounts, their organisation and their memberships together, which only the administration
 * (above both accounts and koppelzones) may do.
 */
public final class AccountDirectory {

    public static final int PAGE_SIZE = 50;
    /** The role filter's values: the instance-wide beheerder and the koppelzone roles. */
    public static final List<String> ROLES = List.of("beheerder", Role.VOORZITTER.code(), Role.MANAGER.code(),
            Role.PRAKTIJKEXPERT.code(), Role.LEZER.code());
    public static final List<String> STATES = List.of("actief", "geblokkeerd");

    private final Database db;

    public AccountDirectory(Database db) {
        this.db = db;
    }

    /** What the beheerder asked for; empty texts filter nothing, unknown roles or states neither. */
    public record Search(String text, String organisation, String role, String state, int page) {
    }

    /** One account in the list, with the roles it has in any koppelzone. */
    public record Row(String username, String displayName, String email, String organisationName, boolean admin,
                      boolean disabled, Instant lastLoginAt, List<String> roles) {
    }

    /** One page of the accounts found, the total found and the number of pages. */
    public record Found(List<Row> rows, int total, int page, int pages) {
    }

    public Found search(Search search) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> arguments = new LinkedHashMap<>();
        String text = search.text() == null ? "" : search.text().strip();
        if (!text.isEmpty()) {
            // lower() on both sides: SQLite's LIKE ignores case, PostgreSQL's does not
            where.append(" AND (lower(a.display_name) LIKE lower(:text) ESCAPE '!' OR lower(a.username) LIKE lower(:text) ESCAPE '!'"
                    + " OR lower(a.email) LIKE lower(:text) ESCAPE '!' OR lower(o.name) LIKE lower(:text) ESCAPE '!')");
            arguments.put("text", "%" + like(text) + "%");
        }
        if (search.organisation() != null && !search.organisation().isBlank()) {
            where.append(" AND o.slug = :organisation");
            arguments.put("organisation", search.organisation().strip());
        }
        if ("beheerder".equals(search.role())) {
            where.append(" AND a.is_admin = 1");
        } else if (Role.fromCode(search.role()).isPresent()) {
            where.append(" AND EXISTS (SELECT 1 FROM membership m WHERE m.account_id = a.id AND m.role = :role)");
            arguments.put("role", search.role());
        }
        if ("actief".equals(search.state())) {
            where.append(" AND a.disabled = 0");
        } else if ("geblokkeerd".equals(search.state())) {
            where.append(" AND a.disabled = 1");
        }
        String from = " FROM account a LEFT JOIN organisation o ON o.id = a.organisation_id";
        return db.read(handle -> {
            Query count = handle.createQuery("SELECT count(*)" + from + where);
            arguments.forEach(count::bind);
            int total = count.mapTo(Integer.class).one();
            int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
            int page = Math.min(Math.max(1, search.page()), pages);
            Query rows = handle.createQuery("""
                    SELECT a.username, a.display_name, a.email, o.name AS organisation_name, a.is_admin, a.disabled,
                           a.last_login_at,
                           (SELECT string_agg(m.role, ',') FROM membership m WHERE m.account_id = a.id) AS roles
                    """ + from + where + " ORDER BY lower(a.display_name), a.username LIMIT :limit OFFSET :offset")
                    .bind("limit", PAGE_SIZE).bind("offset", (page - 1) * PAGE_SIZE);
            arguments.forEach(rows::bind);
            List<Row> found = rows.map((rs, ctx) -> new Row(rs.getString("username"), rs.getString("display_name"),
                    rs.getString("email"), rs.getString("organisation_name"), rs.getInt("is_admin") == 1,
                    rs.getInt("disabled") == 1,
                    Times.parseOrNull(rs.getString("last_login_at")),
                    roles(rs.getString("roles")))).list();
            return new Found(found, total, page, pages);
        });
    }

    /** The koppelzone roles in the order of the filter, each once. */
    private static List<String> roles(String concatenated) {
        if (concatenated == null) {
            return List.of();
        }
        List<String> present = Arrays.asList(concatenated.split(","));
        List<String> ordered = new ArrayList<>();
        ROLES.stream().filter(present::contains).forEach(ordered::add);
        return ordered;
    }

    private static String like(String value) {
        // '!' rather than a backslash: Jdbi's parser reads '\' as an escaped quote
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
