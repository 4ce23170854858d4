package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.adoption.Adoptions;
import nl.afsprakenwiki.agreements.AgreementStore;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.koppelzones.KoppelzoneAdmin;
import nl.afsprakenwiki.koppelzones.KoppelzoneStore;
import nl.afsprakenwiki.koppelzones.Memberships;
import nl.afsprakenwiki.leaks.Leak;
import nl.afsprakenwiki.leaks.Leaks;
import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.text.Slugs;
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
    private final Leaks leaks;
    private final Adoptions adoptions;

    /**
     * A demo waardelek (issue 18): koppelzone, parties (by name), moment, title, what happens, how
     * often, the status it reaches and the agreement (slug) that solves it, if any. No personal data.
     */
    private record DemoLeak(String koppelzone, List<String> parties, String moment, String title, String description,
                            String frequency, Leak.Status status, String solvedBy, boolean published, String reason) {
    }

    private static final List<DemoLeak> DEMO_LEAKS = List.of(
            new DemoLeak("koppelzone-jeugd-tilburg", List.of("Jeugdhulp De Horizon", "Wijkteam Tilburg"), "afschaling",
                    "Na afschaling weet niemand wie het gezin volgt",
                    "Als de specialistische hulp stopt, hoort het wijkteam het pas weken later. Het gezin valt terug en "
                            + "moet opnieuw aanmelden.", "maandelijks", Leak.Status.OPGELOST,
                    "warme-overdracht-bij-afschaling", true, ""),
            new DemoLeak("koppelzone-jeugd-tilburg", List.of("Huisartsencoöperatie Tilburg e.o.", "Wijkteam Tilburg"),
                    "toeleiding", "Verwijzing via de huisarts komt niet aan bij het wijkteam",
                    "De huisarts verwijst, maar het wijkteam krijgt geen bericht. Ouders wachten op een telefoontje "
                            + "dat niet komt.", "wekelijks", Leak.Status.OPGELOST, "poh-jggz-route-huisarts-wijkteam", false, ""),
            new DemoLeak("koppelzone-jeugd-tilburg", List.of("GGZ Jeugd Brabant-Midden", "Wijkteam Tilburg"), "wachttijd",
                    "Geen overbrugging tijdens de wachttijd voor jeugd-ggz",
                    "Tijdens de wachttijd voor de jeugd-ggz heeft niemand contact met het gezin; de situatie "
                            + "verergert voordat de behandeling begint.", "wekelijks", Leak.Status.GESIGNALEERD, null, false, ""),
            new DemoLeak("koppelzone-jeugd-tilburg", List.of("Samenwerkingsverband PO Tilburg", "Wijkteam Tilburg",
                    "Jeugdhulp De Horizon"), "overdracht", "School hoort niets terug na een zorgmelding",
                    "De intern begeleider meldt zorgen, maar hoort niet of er hulp is gestart. Afstemming in de klas "
                            + "blijft uit.", "per kwartaal", Leak.Status.GEAGENDEERD, null, false, ""),
            new DemoLeak("koppelzone-jeugd-zwolle", List.of("Jeugd- en Gezinsteam Zwolle", "Jeugdbescherming IJsselland"),
                    "overdracht", "Bij een maatregel is het gezin dagen zonder vaste contactpersoon",
                    "Tussen de uitspraak en het eerste gesprek met de jeugdbeschermer heeft het gezin geen vast "
                            + "aanspreekpunt.", "maandelijks", Leak.Status.OPGELOST, "overdracht-jgt-naar-gi-bij-maatregel", true, ""),
            new DemoLeak("koppelzone-jeugd-zwolle", List.of("Jeugd-GGZ Vechtstroom", "Jongvolwassenenzorg Kamperpoort"),
                    "18-/18+", "Behandeling stopt op de achttiende verjaardag",
                    "De jeugd-ggz stopt bij 18 jaar terwijl de volwassenenzorg nog een wachtlijst heeft; de jongere "
                            + "staat maanden zonder hulp.", "12 per jaar", Leak.Status.IN_BEHANDELING, null, false, ""),
            new DemoLeak("koppelzone-jeugd-zwolle", List.of("Huisartsengroep IJsseldelta", "Samenwerkingsverband VO Zwolle e.o."),
                    "nazorg", "Na een crisisopname hoort de school niets",
                    "Na een korte opname keert de leerling terug naar school zonder afspraken over opbouw of "
                            + "contactmomenten.", "zelden", Leak.Status.NIET_OPGEPAKT, null, false,
                    "Valt onder de afspraken van het ziekenhuis met de scholen; buiten deze koppelzone opgepakt."));

    /**
     * A demo adoption (issue 18): the agreement (koppelzone and slug) took over the source's revision
     * {@code sourceRevision} and, later, its updates up to {@code syncedRevision}; on the day it was written.
     */
    private record DemoAdoption(String sourceKoppelzone, String source, int sourceRevision, int syncedRevision,
                                String koppelzone, String agreement) {
    }

    /**
     * A family over three generations, as the texts tell it: Utrecht's warm hand-over was taken over by
     * Tilburg (which kept up with Utrecht's updates); Zaanstad took Tilburg's first version and lags behind,
     * Groningen took the current one. And Zaanstad's draft about Veilig Thuis comes from Nijmegen.
     */
    private static final List<DemoAdoption> DEMO_ADOPTIONS = List.of(
            new DemoAdoption("koppelzone-jeugd-utrecht", "warme-overdracht-van-aanbieder-naar-buurtteam", 1, 3,
                    "koppelzone-jeugd-tilburg", "warme-overdracht-bij-afschaling"),
            new DemoAdoption("koppelzone-jeugd-tilburg", "warme-overdracht-bij-afschaling", 1, 1,
                    "koppelzone-jeugd-zaanstad", "afschalen-naar-het-jeugdteam"),
            new DemoAdoption("koppelzone-jeugd-tilburg", "warme-overdracht-bij-afschaling", 2, 2,
                    "koppelzone-jeugd-en-gezin-groningen", "warme-overdracht-na-jeugd-ggz-behandeling"),
            new DemoAdoption("koppelzone-jeugd-nijmegen", "terugkoppeling-veilig-thuis-aan-wijkteam", 1, 1,
                    "koppelzone-jeugd-zaanstad", "overdracht-van-veilig-thuis-naar-het-jeugdteam"));

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
                       Memberships memberships, KoppelzoneAdmin admin, Leaks leaks, Adoptions adoptions) {
        this.leaks = leaks;
        this.adoptions = adoptions;
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
        reportLeaks();
        recordAdoptions();
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

    /** The demo waardelekken, reported and moved as the koppelzone would have done. */
    private void reportLeaks() {
        Author demo = Author.system("demo");
        for (DemoLeak item : DEMO_LEAKS) {
            Long koppelzone = db.read(handle -> koppelzones.bySlug(handle, item.koppelzone())).map(k -> k.id()).orElse(null);
            if (koppelzone == null) {
                continue;
            }
            Leak leak = leaks.report(koppelzone, new Leaks.Report(item.parties().stream().map(name -> Slugs.of(name, 120)).toList(),
                    item.moment(), item.title(), item.description(), item.frequency(), ""), Accepted.NONE, demo);
            List<Long> solvedBy = item.solvedBy() == null ? List.of() : db.read(handle -> handle.createQuery(
                            "SELECT id FROM agreement WHERE koppelzone_id = :k AND slug = :slug")
                    .bind("k", koppelzone).bind("slug", item.solvedBy()).mapTo(Long.class).list());
            switch (item.status()) {
                case GESIGNALEERD -> { }
                case GEAGENDEERD, IN_BEHANDELING, NIET_OPGEPAKT ->
                        leaks.changeStatus(leak.id(), item.status(), item.reason(), List.of(), Accepted.NONE, demo);
                case OPGELOST -> {
                    leaks.changeStatus(leak.id(), Leak.Status.IN_BEHANDELING, "", List.of(), Accepted.NONE, demo);
                    leaks.changeStatus(leak.id(), Leak.Status.OPGELOST, "", solvedBy, Accepted.NONE, demo);
                    if (item.published()) {
                        leaks.publish(leak.id(), true, Accepted.NONE, demo);
                    }
                }
            }
        }
    }

    /** The demo family tree: links between agreements of the corpus, dated by each copy's first revision. */
    private void recordAdoptions() {
        Author demo = Author.system("demo");
        for (DemoAdoption item : DEMO_ADOPTIONS) {
            Long source = agreementId(item.sourceKoppelzone(), item.source());
            Long copy = agreementId(item.koppelzone(), item.agreement());
            if (source == null || copy == null) {
                continue;
            }
            java.time.Instant written = nl.afsprakenwiki.db.Times.parse(db.read(handle -> handle.createQuery(
                    "SELECT created_at FROM revision WHERE agreement_id = :a AND number = 1").bind("a", copy)
                    .mapTo(String.class).one()));
            adoptions.recordEarlierAdoption(copy, source, item.sourceRevision(), item.syncedRevision(), written, demo);
        }
    }

    private Long agreementId(String koppelzone, String slug) {
        return db.read(handle -> handle.createQuery("""
                        SELECT a.id FROM agreement a JOIN koppelzone k ON k.id = a.koppelzone_id
                        WHERE k.slug = :k AND a.slug = :slug""")
                .bind("k", koppelzone).bind("slug", slug).mapTo(Long.class).findOne().orElse(null));
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
