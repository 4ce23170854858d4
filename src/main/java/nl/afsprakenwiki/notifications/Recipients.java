package nl.afsprakenwiki.notifications;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatements;

import java.util.List;
import java.util.Map;

/**
 * Who to write to, found in the caller's transaction: active accounts with an address. Features say
 * who in a condition over {@code account a}; this class knows only the account table.
 */
public final class Recipients {

    private Recipients() {
    }

    /**
     * Active accounts with an address for which the SQL {@code condition} over {@code a} holds, by id. A
     * binding whose value is a collection is a list, written {@code <name>} in the condition
     * ({@code a.id IN (<ids>)}); it must not be empty.
     */
    public static List<Outbox.Recipient> where(Handle handle, String condition, Map<String, ?> bindings) {
        var query = handle.createQuery("SELECT a.id, a.display_name, a.email, a.language FROM account a "
                + "WHERE a.disabled = 0 AND a.email <> '' AND (" + condition + ") ORDER BY a.id");
        // a condition need not use every binding (e.g. the koppelzone when everyone may read)
        query.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        bindings.forEach((name, value) -> {
            if (value instanceof java.util.Collection<?> list) {
                query.bindList(name, List.copyOf(list));
            } else {
                query.bind(name, value);
            }
        });
        return query.map((rs, ctx) -> new Outbox.Recipient(rs.getLong("id"), rs.getString("display_name"),
                rs.getString("email"), rs.getString("language"))).list();
    }

    /** The account {@code accountId}, if it is active and has an address. */
    public static java.util.Optional<Outbox.Recipient> byId(Handle handle, long accountId) {
        return where(handle, "a.id = :account", Map.of("account", accountId)).stream().findFirst();
    }

    /** The condition "a has one of these roles in koppelzone :koppelzone" (roles are fixed codes, not input). */
    public static String roleIn(String koppelzoneParameter, String... roles) {
        return "EXISTS (SELECT 1 FROM membership m WHERE m.account_id = a.id AND m.koppelzone_id = :" + koppelzoneParameter
                + " AND m.role IN ('" + String.join("', '", roles) + "'))";
    }
}
