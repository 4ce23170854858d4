package nl.afsprakenwiki.koppelzones;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.accounts.Account;
import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.accounts.AccountStore;
import nl.afsprakenwiki.accounts.KoppelzonesOfAccount;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Who takes part in a koppelzone and in which role; set by its voorzitter or the beheerder. */
public final class Memberships implements KoppelzonesOfAccount {

    private final Database db;
    private final MembershipStore store;
    private final AccountStore accounts;
    private final AuditLog audit;
    private final Clock clock;

    public Memberships(Database db, MembershipStore store, AccountStore accounts, AuditLog audit, Clock clock) {
        this.db = db;
        this.store = store;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** The members of a koppelzone by name. */
    public List<Membership> members(long koppelzoneId) {
        return db.read(handle -> store.membersOf(handle, koppelzoneId));
    }

    /** The koppelzones of an account by name. */
    public List<Membership> memberships(long accountId) {
        return db.read(handle -> store.membershipsOf(handle, accountId));
    }

    @Override
    public List<Entry> of(Handle handle, long accountId) {
        return store.membershipsOf(handle, accountId).stream()
                .map(m -> new Entry(m.koppelzoneId(), m.koppelzoneSlug(), m.koppelzoneName(), m.role())).toList();
    }

    /** Gives the account {@code username} this role in the koppelzone, replacing an earlier role. */
    public void setMember(long koppelzoneId, String username, Role role, Author actor) {
        db.write(handle -> {
            Account account = accounts.byUsername(handle, AccountService.normalise(username))
                    .orElseThrow(() -> new InvalidInput("username", "error.account.unknown", username));
            store.setMembership(handle, account.id(), koppelzoneId, role, clock.instant());
            audit.record(handle, actor, "membership.set", "account:" + account.username(), koppelzoneId,
                    Map.of("role", role.code()));
            return null;
        });
    }

    /** Ends the membership; false when the account was no member. */
    public boolean removeMember(long koppelzoneId, String username, Author actor) {
        return db.write(handle -> {
            Optional<Account> account = accounts.byUsername(handle, AccountService.normalise(username));
            if (account.isEmpty() || !store.removeMembership(handle, account.get().id(), koppelzoneId)) {
                return false;
            }
            audit.record(handle, actor, "membership.removed", "account:" + account.get().username(), koppelzoneId, Map.of());
            return true;
        });
    }
}
