package nl.afsprakenwiki.auth;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.accounts.AccountStore;
import nl.afsprakenwiki.db.Dialect;
import nl.afsprakenwiki.db.InstanceSettings;
import nl.afsprakenwiki.testing.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The setup link on a wiki without accounts. Run on SQLite and (in the PostgreSQL tier) on PostgreSQL:
 * there every instance must print and accept the same link, since the load balancer may send the
 * setup form to any of them, and two instances using it at once must not both create a beheerder.
 */
class FirstStartTest {

    @TempDir
    Path dir;

    @Test
    void theLinkIsSharedByTheInstancesOfOneDatabaseAndMakesOneBeheerderOnly() {
        try (TestServices wiki = TestServices.open(dir)) {
            FirstStart one = FirstStart.of(wiki.db, new AccountStore());
            FirstStart other = FirstStart.of(wiki.db, new AccountStore());
            if (wiki.db.dialect() == Dialect.POSTGRESQL) {
                assertThat(other.token()).as("a second instance on the same database").isEqualTo(one.token());
            } else {
                assertThat(other.token()).as("SQLite: a new link for every start").isNotEqualTo(one.token());
            }
            assertThat(other.matches(one.token())).isEqualTo(wiki.db.dialect() == Dialect.POSTGRESQL);

            AccountService accounts = wiki.services.accounts();
            assertThat(one.createBeheerder(accounts, new AccountService.NewAccount("anne", "Anne de Vries", "", null, true,
                    "lente-kanaal-fietsbel-anne"), Author.system("setup"))).isPresent();
            assertThat(other.createBeheerder(accounts, new AccountService.NewAccount("bert", "Bert Jansen", "", null, true,
                    "lente-kanaal-fietsbel-bert"), Author.system("setup"))).as("a second first beheerder").isEmpty();
            assertThat(accounts.all()).hasSize(1);
            java.util.Optional<String> kept = wiki.db.read(handle -> InstanceSettings.value(handle, FirstStart.SETTING));
            assertThat(kept).as("the shared link is gone").isEmpty();
            assertThat(FirstStart.of(wiki.db, new AccountStore()).token()).as("no link is kept once there is an account").isNotEqualTo(one.token());
        }
    }
}
