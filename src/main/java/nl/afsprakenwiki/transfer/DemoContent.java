package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.agreements.AgreementStore;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.koppelzones.KoppelzoneAdmin;
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
    private final KoppelzoneAdmin admin;

    /**
     * The listed phone numbers and e-mail domains of some demo organisations (issue 17), by slug. All
     * fictitious: no Dutch subscriber number starts with 0 after the area code, so none of these can be
     * dialled; the domains are under example.nl, which the detector does not treat as a reserved
     * example domain itself, so they exercise the party rule.
     */
    private static final Map<String, List<List<String>>> DEMO_CONTACTS = Map.of(
            "wijkteam-tilburg", List.of(List.of("013 000 41 10"), List.of("wijkteamtilburg.example.nl")),
            "gemeente-tilburg", List.of(List.of("013 000 42 00"), List.of("gemeente-tilburg.example.nl")),
            "jeugdhulp-de-horizon", List.of(List.of("013 000 43 30", "06 0000 4330"), List.of("dehorizon.example.nl")),
            "ggz-jeugd-brabant-midden", List.of(List.of("013 000 44 40"), List.of("ggzjeugdbrabant.example.nl")),
            "dyslexiezorg-taalbrug", List.of(List.of("013 000 45 50"), List.of("taalbrug.example.nl")),
            "jeugd-en-gezinsteam-zwolle", List.of(List.of("038 000 51 10"), List.of("jgtzwolle.example.nl")),
            "jeugdhulp-sassenpoort", List.of(List.of("038 000 52 20"), List.of("sassenpoort.example.nl")));

    public DemoContent(Database db, AgreementStore agreements, Importer importer, AccountService accounts,
                       Memberships memberships, KoppelzoneAdmin admin) {
        this.admin = admin;
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
        listContacts();
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

    /** The demo organisations' listed numbers and domains, as a beheerder would fill them in. */
    private void listContacts() {
        Author demo = Author.system("demo");
        DEMO_CONTACTS.forEach((slug, contacts) -> db.read(handle -> koppelzones.organisationBySlug(handle, slug))
                .ifPresent(organisation -> admin.updateOrganisation(slug, organisation.name(), organisation.kind(),
                        contacts.get(0), contacts.get(1), demo)));
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
