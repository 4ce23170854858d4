package nl.afsprakenwiki.testing;

import nl.afsprakenwiki.Services;
import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.accounts.Account;
import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.text.Progress;
import nl.afsprakenwiki.text.Slugs;
import nl.afsprakenwiki.transfer.ImportFailed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Accounts, koppelzones and agreements for a test, made through the real services and importer on
 * a real data directory (with or without a web server around it).
 */
public final class TestData {

    private static final Author TEST = Author.system("test");

    private final Services services;
    private final Path dataDir;

    public TestData(Services services, Path dataDir) {
        this.services = services;
        this.dataDir = dataDir;
    }

    /** Creates an account (password {@link TestApp#PASSWORD}) without any role. */
    public Account account(String username) {
        return account(username, "Test " + username);
    }

    public Account account(String username, String displayName) {
        return services.accounts().create(new AccountService.NewAccount(username, displayName,
                username + "@test.invalid", null, false, TestApp.PASSWORD), TEST);
    }

    /** Creates an account that is beheerder of the instance. */
    public Account admin(String username) {
        return services.accounts().create(new AccountService.NewAccount(username, "Beheerder " + username,
                username + "@test.invalid", null, true, TestApp.PASSWORD), TEST);
    }

    /** Creates an account with a role in a koppelzone (or adds the role if the account exists). */
    public String member(String koppelzoneSlug, String username, Role role) {
        if (services.accounts().byUsername(username).isEmpty()) {
            account(username);
        }
        long koppelzoneId = services.koppelzones().bySlug(koppelzoneSlug).orElseThrow().id();
        services.memberships().setMember(koppelzoneId, username, role, TEST);
        return username;
    }

    /**
     * Creates an account that belongs to {@code organisationSlug} and has {@code role} in the
     * koppelzone, e.g. a manager who endorses on behalf of that organisation.
     */
    public String member(String koppelzoneSlug, String username, Role role, String organisationSlug) {
        services.accounts().create(new AccountService.NewAccount(username, "Test " + username,
                username + "@test.invalid", organisationSlug, false, TestApp.PASSWORD), TEST);
        return member(koppelzoneSlug, username, role);
    }

    /**
     * Imports a koppelzone of {@code municipality} with three parties: "Wijkteam M", "Jeugdhulp De
     * Brug M" and "Huisartsen M" (slugs such as {@code wijkteam-m}). Returns its slug.
     */
    public String koppelzone(String name, String municipality) {
        importFile("koppelzone.yaml", """
                name: %s
                municipality: %s
                level: lokaal
                chair: Wijkteam %s
                description: Testkoppelzone
                parties:
                  - name: Wijkteam %s
                    kind: lokaal_team
                  - name: Jeugdhulp De Brug %s
                    kind: aanbieder
                  - name: Huisartsen %s
                    kind: huisarts
                """.formatted(name, municipality, municipality, municipality, municipality, municipality));
        return Slugs.of(name, 120);
    }

    /**
     * Imports one agreement with the given status into a koppelzone made by {@link #koppelzone}, as the
     * importer does (so it can be endorsed without a meeting). Returns its id.
     */
    public long agreement(String koppelzoneName, String municipality, String slug, String title, String status) {
        return agreement(koppelzoneName, municipality, slug, title, status, "Tekst van " + title + ".");
    }

    /** {@link #agreement} with the given markdown body. */
    public long agreement(String koppelzoneName, String municipality, String slug, String title, String status,
                          String body) {
        return agreement(koppelzoneName, municipality, slug, title, status, body, List.of());
    }

    /** {@link #agreement} whose text holds privacy findings confirmed by their fingerprints (issue 17). */
    public long agreement(String koppelzoneName, String municipality, String slug, String title, String status,
                          String body, List<String> acceptedFindings) {
        return agreementBetween(koppelzoneName, municipality, slug, title, status, body, acceptedFindings,
                List.of("Wijkteam " + municipality));
    }

    /** {@link #agreement} between the named parties (organisation names, e.g. "Huisartsen M"). */
    public long agreementBetween(String koppelzoneName, String municipality, String slug, String title, String status,
                                 List<String> parties) {
        return agreementBetween(koppelzoneName, municipality, slug, title, status, "Tekst van " + title + ".", List.of(), parties);
    }

    private long agreementBetween(String koppelzoneName, String municipality, String slug, String title, String status,
                                  String body, List<String> acceptedFindings, List<String> parties) {
        String accepted = acceptedFindings.isEmpty() ? "" : "accepted_findings: [" + String.join(", ", acceptedFindings) + "]\n";
        importFile(slug + ".md", """
                ---
                title: %s
                municipality: %s
                koppelzone: %s
                parties:
                %s
                status: %s
                author: Test
                %s---
                %s
                """.formatted(title, municipality, koppelzoneName,
                parties.stream().map(party -> "  - " + party).collect(java.util.stream.Collectors.joining("\n")),
                status, accepted, body));
        return services.db().read(handle -> handle.createQuery("SELECT a.id FROM agreement a JOIN koppelzone k"
                        + " ON k.id = a.koppelzone_id WHERE a.slug = :slug AND k.name = :koppelzone")
                .bind("slug", slug).bind("koppelzone", koppelzoneName).mapTo(Long.class).one());
    }

    private void importFile(String name, String content) {
        try {
            Path folder = Files.createTempDirectory(dataDir, "seed");
            Files.writeString(folder.resolve(name), content);
            services.importer().importFolder(folder, "test", Progress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ImportFailed e) {
            throw new IllegalStateException(e.problems().toString(), e);
        }
    }
}
