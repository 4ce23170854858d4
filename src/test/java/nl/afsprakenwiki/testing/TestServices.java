package nl.afsprakenwiki.testing;

import nl.afsprakenwiki.Services;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.access.Refused;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.AgreementInput;
import nl.afsprakenwiki.agreements.SaveOutcome;
import nl.afsprakenwiki.db.Database;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

/**
 * The application's services on a real SQLite file with the real migrations, without a web server:
 * the fast tier, where a rule of the lifecycle, adoption or meetings is checked in milliseconds.
 */
public final class TestServices implements AutoCloseable {

    public final Path dataDir;
    public final Database db;
    public final Services services;
    public final TestData data;

    private TestServices(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.db = TestDisk.open(dataDir);
        this.services = TestDisk.shareAnalysis(Services.create(Settings.forTests(dataDir), db, clock, TestDisk.INDEX));
        this.data = new TestData(services, dataDir);
    }

    public static TestServices open(Path dataDir) {
        return new TestServices(dataDir, Clock.systemUTC());
    }

    public static TestServices open(Path dataDir, Clock clock) {
        return new TestServices(dataDir, clock);
    }

    /** A member of the koppelzone for {@code organisationSlug}, as the services see them when signed in. */
    public Viewer member(String koppelzoneSlug, String username, Role role, String organisationSlug) {
        data.member(koppelzoneSlug, username, role, organisationSlug);
        return viewer(username);
    }

    /** The account as a signed-in viewer, with its roles as they are now. */
    public Viewer viewer(String username) {
        return services.accounts().viewer(username).orElseThrow();
    }

    /** A new draft agreement written by {@code author} in the koppelzone, between the given parties. */
    public long draft(String koppelzoneSlug, Viewer author, String title, String body, String... parties) {
        long koppelzone = services.koppelzones().bySlug(koppelzoneSlug).orElseThrow().id();
        return services.editing().create(koppelzone, new AgreementInput.Draft(title, body,
                new AgreementInput.Details(Set.of(parties), Set.of(), null), ""), author.author()).agreementId();
    }

    /** Saves a new text on top of revision {@code base}, keeping title and details. */
    public SaveOutcome edit(long agreementId, int base, Viewer author, String title, String body) {
        return services.editing().save(agreementId, new AgreementInput.Edit(base, title, body, "bijgewerkt", null, null),
                author.author());
    }

    /** What a refused action answers: its status and message key ("409 refused.retired"). */
    public static String refusal(Runnable action) {
        try {
            action.run();
        } catch (Refused refused) {
            return refused.status() + " " + refused.messageKey();
        }
        throw new AssertionError("not refused");
    }

    @Override
    public void close() {
        services.search().close();
        db.close();
    }
}
