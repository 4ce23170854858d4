package nl.afsprakenwiki.koppelzones;

import nl.afsprakenwiki.access.Role;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** SQL for koppelzone memberships (who takes part, in which role). Every method runs on a caller's handle. */
public final class MembershipStore {

    private static final RowMapper<Membership> MEMBERSHIP = (rs, ctx) -> new Membership(
            rs.getLong("account_id"), rs.getString("username"), rs.getString("display_name"),
            rs.getString("organisation_name"), rs.getLong("koppelzone_id"), rs.getString("koppelzone_slug"),
            rs.getString("koppelzone_name"), Role.fromCode(rs.getString("role")).orElseThrow(),
            LocalDate.parse(rs.getString("since").substring(0, 10)));

    private static final String MEMBERSHIP_SELECT = """
            SELECT m.account_id, a.username, a.display_name, o.name AS organisation_name, m.koppelzone_id,
                   k.slug AS koppelzone_slug, k.name AS koppelzone_name, m.role, m.since
            FROM membership m
            JOIN account a ON a.id = m.account_id
            JOIN koppelzone k ON k.id = m.koppelzone_id
            LEFT JOIN organisation o ON o.id = a.organisation_id
            """;

    public List<Membership> membershipsOf(Handle handle, long accountId) {
        return handle.createQuery(MEMBERSHIP_SELECT + " WHERE m.account_id = :id ORDER BY k.name")
                .bind("id", accountId).map(MEMBERSHIP).list();
    }

    public List<Membership> membersOf(Handle handle, long koppelzoneId) {
        return handle.createQuery(MEMBERSHIP_SELECT + " WHERE m.koppelzone_id = :id ORDER BY a.display_name")
                .bind("id", koppelzoneId).map(MEMBERSHIP).list();
    }

    /** Gives the account this role in the koppelzone, replacing an earlier role. */
    public void setMembership(Handle handle, long accountId, long koppelzoneId, Role role, Instant now) {
        handle.createUpdate("""
                        INSERT INTO membership (account_id, koppelzone_id, role, since) VALUES (:account, :koppelzone, :role, :now)
                        ON CONFLICT (account_id, koppelzone_id) DO UPDATE SET role = excluded.role
                        """)
                .bind("account", accountId).bind("koppelzone", koppelzoneId).bind("role", role.code()).bind("now", now)
                .execute();
    }

    public boolean removeMembership(Handle handle, long accountId, long koppelzoneId) {
        return handle.createUpdate("DELETE FROM membership WHERE account_id = :account AND koppelzone_id = :koppelzone")
                .bind("account", accountId).bind("koppelzone", koppelzoneId).execute() > 0;
    }
}
