package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.agreements.AgreementStore;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.koppelzones.KoppelzoneStore;
import nl.afsprakenwiki.koppelzones.Memberships;
import nl.afsprakenwiki.text.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The demo corpus (src/main/resources/demo, in the import format), loaded into an empty database by
 * {@code serve --demo}, read straight from the jar through the same importer as any folder; and one
 * demo account per role, all with the documented password {@link #DEMO_PASSWORD}.
 */
public final class DemoContent {

    private static final String RESOURCE = "/demo";

    /** The password of every demo account. Demo only: these accounts exist only with {@code serve --demo}. */
    public static final String DEMO_PASSWORD = "lente-kanaal-fietsbel";

    /** A demo account: username, name, organisation, and its roles per koppelzone. */
    private record DemoAccount(String username, String name, String organisation, boolean admin, Map<String, Role> roles) {
    }

    private static final List<DemoAccount> DEMO_ACCOUNTS = List.of(
            new DemoAccount("beheerder", "Beheerder (demo)", null, true, Map.of()),
            new DemoAccount("voorzitter.tilburg", "Wendy Coolen (demo)", "wijkteam-tilburg", false,
                    Map.of("koppelzone-jeugd-tilburg", Role.VOORZITTER, "regionale-koppelzone-hart-van-brabant", Role.VOORZITTER)),
            new DemoAccount("expert.tilburg", "Marieke de Vries (demo)", "jeugdhulp-de-horizon", false,
                    Map.of("koppelzone-jeugd-tilburg", Role.PRAKTIJKEXPERT)),
            new DemoAccount("manager.tilburg", "Joost van Hal (demo)", "ggz-jeugd-brabant-midden", false,
                    Map.of("koppelzone-jeugd-tilburg", Role.MANAGER)),
            new DemoAccount("manager.wijkteam", "Sanne Verhoeven (demo)", "wijkteam-tilburg", false,
                    Map.of("koppelzone-jeugd-tilburg", Role.MANAGER)),
            new DemoAccount("expert.taalbrug", "Noor Bakker (demo)", "dyslexiezorg-taalbrug", false,
                    Map.of("koppelzone-jeugd-tilburg", Role.PRAKTIJKEXPERT)),
            new DemoAccount("lezer.tilburg", "Fleur Smits (demo)", "gemeente-tilburg", false,
                    Map.of("koppelzone-jeugd-tilburg", Role.LEZER)),
            new DemoAccount("expert.zwolle", "Erik Scholten (demo)", "jeugdhulp-sassenpoort", false,
                    Map.of("koppelzone-jeugd-zwolle", Role.PRAKTIJKEXPERT)));

    private final Database db;
    private final AgreementStore agreements;
    private final Importer importer;
    private final AccountService accounts;
    private final Memberships memberships;
    private final KoppelzoneStore koppelzones = new KoppelzoneStore();

    public DemoContent(Database db, AgreementStore agreements, Importer importer, AccountService accounts,
                       Memberships memberships) {
        this.memberships = memberships;
        this.db = db;
        this.agreements = agreements;
        this.importer = importer;
        this.accounts = accounts;
    }

    /** Imports the demo corpus if the database has no agreements; returns the report, or null if skipped. */
    public Importer.Report loadIfEmpty(Progress progress) {
        boolean empty = db.read(handle -> agreements.allIds(handle).isEmpty());
        if (!empty) {
            return null;
        }
        Importer.Report report = importCorpus(progress);
        if (accounts.noAccounts()) {
            createAccounts();
        }
        return report;
    }

    /** The demo accounts, one per role (README: "Demo accounts"). */
    private void createAccounts() {
        Author demo = Author.system("demo");
        for (DemoAccount account : DEMO_ACCOUNTS) {
            accounts.create(new AccountService.NewAccount(account.username(), account.name(),
                    account.username() + "@demo.afsprakenwiki.invalid", account.organisation(), account.admin(),
                    DEMO_PASSWORD), demo);
            account.roles().forEach((koppelzone, role) -> db.read(handle -> koppelzones.bySlug(handle, koppelzone)).ifPresent(
                    k -> memberships.setMember(k.id(), account.username(), role, demo)));
        }
    }

    private Importer.Report importCorpus(Progress progress) {
        URL url = DemoContent.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("the demo content is missing from the classpath");
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                try (FileSystem jar = FileSystems.newFileSystem(url.toURI(), Map.of())) {
                    return importer.importFolder(jar.getPath(RESOURCE), "demo", progress);
                }
            }
            return importer.importFolder(Path.of(url.toURI()), "demo", progress);
        } catch (ImportFailed e) {
            throw new IllegalStateException("the demo content does not import: " + String.join("; ", e.problems()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
