package nl.afsprakenwiki.accounts;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.InstanceSettings;
import nl.afsprakenwiki.text.CleanText;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Accounts for single sign-on: linking an identity provider's subject, creating accounts when the beheerder allows it. */
public final class SsoAccounts {

    private static final String AUTO_CREATE_SETTING = "sso.create_accounts";

    private final Database db;
    private final AccountStore store;
    private final AuditLog audit;
    private final Clock clock;

    public SsoAccounts(Database db, AccountStore store, AuditLog audit, Clock clock) {
        this.db = db;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The account for a single sign-on subject: the linked account; else an unlinked account with the
     * same e-mail address, which is then linked; else a new account if the beheerder allows that.
     * Nobody gets in when an unlinked account with that address is disabled.
     */
    public Optional<Account> resolveSso(String subject, String preferredUsername, String email, String name) {
        return db.write(handle -> {
            Optional<Account> linked = store.byOidcSubject(handle, subject);
            if (linked.isPresent()) {
                return linked.filter(a -> !a.disabled());
            }
            if (email != null && !email.isBlank()) {
                List<Account> sameEmail = store.unlinkedByEmail(handle, email.strip());
                if (sameEmail.stream().anyMatch(Account::disabled)) {
                    // a disabled person must not get in, neither by linking nor through a fresh account
                    return Optional.empty();
                }
                if (sameEmail.size() == 1) {
                    Account account = sameEmail.get(0);
                    store.linkOidc(handle, account.id(), subject);
                    audit.record(handle, new Author(account.id(), account.displayName()), "account.sso-linked",
                            "account:" + account.username(), null, Map.of("subject", subject));
                    return store.byId(handle, account.id());
                }
            }
            if (!InstanceSettings.value(handle, AUTO_CREATE_SETTING).map("true"::equals).orElse(false)) {
                return Optional.empty();
            }
            String username = freeUsername(handle, preferredUsername, email, subject);
            // an identity provider's name is entered text too: the same cleaning as in the wiki's forms
            String cleanName = CleanText.line(name);
            String displayName = cleanName.isEmpty() ? username : AccountService.clip(cleanName, 100);
            long id = store.insert(handle, username, displayName, email == null ? "" : AccountService.clip(email.strip(), 200), null, null,
                    subject, false, clock.instant());
            audit.record(handle, new Author(id, displayName), "account.created", "account:" + username, null,
                    Map.of("via", "sso", "subject", subject));
            return store.byId(handle, id);
        });
    }

    private String freeUsername(Handle handle, String preferred, String email, String subject) {
        String base = AccountService.normalise(preferred == null || preferred.isBlank()
                ? email == null || email.isBlank() ? "sso-" + subject : email.substring(0, Math.max(1, email.indexOf('@')))
                : preferred).replaceAll("[^a-z0-9._-]", "-");
        base = base.replaceAll("^[^a-z0-9]+", "");
        if (base.length() < 2) {
            base = "sso-" + base;
        }
        base = AccountService.clip(base, 34);
        String candidate = base;
        for (int n = 2; store.byUsername(handle, candidate).isPresent(); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    public boolean autoCreateOnSso() {
        return db.read(handle -> InstanceSettings.value(handle, AUTO_CREATE_SETTING).map("true"::equals).orElse(false));
    }

    public void setAutoCreateOnSso(boolean enabled, Author actor) {
        db.write(handle -> {
            InstanceSettings.set(handle, AUTO_CREATE_SETTING, String.valueOf(enabled));
            audit.record(handle, actor, "setting.changed", AUTO_CREATE_SETTING, null, Map.of("value", enabled));
            return null;
        });
    }
}
