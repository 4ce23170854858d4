package nl.afsprakenwiki;

import nl.afsprakenwiki.accounts.PasswordHashing;
import nl.afsprakenwiki.notifications.MailSettings;
import nl.afsprakenwiki.notifications.Tls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "PORT", "8181",
            "AFSPRAKENWIKI_DATA", "/var/lib/afsprakenwiki",
            "AFSPRAKENWIKI_HOST", "127.0.0.1");

    private static Settings settings(Map<String, String> env, String... args) {
        Set<String> options = new java.util.HashSet<>(Set.of("port", "data", "host"));
        options.addAll(Settings.FLAGS_FOR_VARIABLES.keySet());
        return Settings.from(CommandLine.parse(args, options, Set.of("demo", "help")), env);
    }

    @Test
    void anEmptyEnvironmentVariableCountsAsNotSet() {
        assertThat(settings(Map.of("PORT", "", "AFSPRAKENWIKI_DATA", " ")).port()).isEqualTo(Settings.DEFAULT_PORT);
        assertThat(settings(Map.of("AFSPRAKENWIKI_DATA", "")).dataDir()).isEqualTo(Path.of("./data").toAbsolutePath().normalize());
    }

    @Test
    void withoutFlagsOrEnvironmentTheDefaultsApply() {
        Settings settings = settings(Map.of());

        assertThat(settings.port()).isEqualTo(7070).isEqualTo(Settings.DEFAULT_PORT);
        assertThat(settings.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(settings.host()).isEqualTo("0.0.0.0");
        assertThat(settings.demo()).isFalse();
    }

    @Test
    void theEnvironmentWinsOverTheDefaults() {
        Settings settings = settings(ENVIRONMENT);

        assertThat(settings.port()).isEqualTo(8181);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/var/lib/afsprakenwiki"));
        assertThat(settings.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void flagsWinOverTheEnvironment() {
        Settings settings = settings(ENVIRONMENT, "--port", "9090", "--data", "/srv/wiki", "--host", "::1", "--demo");

        assertThat(settings).isEqualTo(new Settings(9090, Path.of("/srv/wiki"), true, "::1", false, false, "", Optional.empty(),
                PasswordHashing.STANDARD));
    }

    @Test
    void eachSettingFallsBackOnItsOwn() {
        Settings settings = settings(Map.of("PORT", "8181"), "--data=/srv/wiki");

        assertThat(settings.port()).isEqualTo(8181);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/wiki"));
        assertThat(settings.host()).isEqualTo("0.0.0.0");
    }

    @Test
    void theNameEqualsValueFormWorksForEverySetting() {
        Settings settings = settings(ENVIRONMENT, "--port=0", "--data=/srv/wiki", "--host=localhost");

        assertThat(settings).isEqualTo(new Settings(0, Path.of("/srv/wiki"), false, "localhost", false, false, "", Optional.empty(),
                PasswordHashing.STANDARD));
    }

    @Test
    void theDataDirectoryIsMadeAbsoluteAndNormalised() {
        Settings settings = settings(Map.of(), "--data", "wiki/../gegevens/./db");

        assertThat(settings.dataDir()).isAbsolute().isEqualTo(Path.of("gegevens/db").toAbsolutePath());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "1", "80", "65535", " 8080 "})
    void portsFromZeroTo65535AreAccepted(String port) {
        assertThat(settings(Map.of(), "--port", port).port()).isEqualTo(Integer.parseInt(port.trim()));
        assertThat(settings(Map.of("PORT", port)).port()).isEqualTo(Integer.parseInt(port.trim()));
    }

    @Test
    void aDatabaseUrlSelectsPostgresqlAndNoMessageShowsItsPassword() {
        assertThat(settings(Map.of()).database()).as("without it: SQLite in the data directory").isEmpty();
        Settings postgres = settings(Map.of("AFSPRAKENWIKI_DATABASE_URL", "jdbc:postgresql://db.example.nl:5432/wiki?sslmode=require",
                "AFSPRAKENWIKI_DATABASE_USER", "wiki", "AFSPRAKENWIKI_DATABASE_PASSWORD", "geheim-wachtwoord"));
        assertThat(postgres.database()).hasValueSatisfying(server -> {
            assertThat(server.url()).isEqualTo("jdbc:postgresql://db.example.nl:5432/wiki?sslmode=require");
            assertThat(server.user()).isEqualTo("wiki");
            assertThat(server.password()).isEqualTo("geheim-wachtwoord");
            assertThat(server.shownUrl()).isEqualTo("jdbc:postgresql://db.example.nl:5432/wiki");
            assertThat(server.toString()).doesNotContain("geheim", "sslmode");
        });
        assertThat(postgres.toString()).doesNotContain("geheim");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgres://db/wiki", "jdbc:postgresql://db", "jdbc:postgresql:///wiki", "jdbc:sqlite:wiki.db",
            "jdbc:postgresql://db/wiki extra"})
    void aMalformedDatabaseUrlIsAUsageError(String url) {
        assertThatThrownBy(() -> settings(Map.of("AFSPRAKENWIKI_DATABASE_URL", url)))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageStartingWith("AFSPRAKENWIKI_DATABASE_URL moet de vorm jdbc:postgresql://host:5432/database hebben");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-1", "65536", "99999999999"})
    void portsOutOfRangeAreAUsageError(String port) {
        assertThatThrownBy(() -> settings(Map.of(), "--port", port))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageStartingWith("de poort ");
    }

    @Test
    void portOutOfRangeMessageNamesTheRange() {
        assertThatThrownBy(() -> settings(Map.of(), "--port=70000"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("de poort moet tussen 0 en 65535 liggen, niet 70000");
    }

    @ParameterizedTest(name = "\u00AB{0}\u00BB")
    @ValueSource(strings = {"", "http", "80a", "8.0", "0x50"})
    void portsThatAreNotNumbersAreAUsageError(String port) {
        assertThatThrownBy(() -> settings(Map.of(), "--port", port))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("de poort is geen getal: " + port);
    }

    @Test
    void aBadPortInTheEnvironmentIsAUsageErrorUnlessAFlagOverridesIt() {
        assertThatThrownBy(() -> settings(Map.of("PORT", "web")))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("de poort is geen getal: web");
        assertThat(settings(Map.of("PORT", "web"), "--port", "8080").port()).isEqualTo(8080);
    }

    @Test
    void anUnknownOptionIsRejectedBeforeAnySettingIsRead() {
        assertThatThrownBy(() -> settings(ENVIRONMENT, "--poort", "8080"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("onbekende optie --poort");
    }

    @Test
    void settingsForTestsListenOnAFreeLoopbackPort() {
        Path data = Path.of("/tmp/wiki-test");

        assertThat(Settings.forTests(data)).isEqualTo(new Settings(0, data, false, "127.0.0.1", false, false, "", Optional.empty(),
                PasswordHashing.LIGHT));
    }

    // --- mail -------------------------------------------------------------------------------------

    private static final Map<String, String> MAIL = Map.of(
            "AFSPRAKENWIKI_SMTP_HOST", "smtp.gemeente.nl",
            "AFSPRAKENWIKI_MAIL_FROM", "afsprakenwiki@gemeente.nl",
            "AFSPRAKENWIKI_BASE_URL", "https://afspraken.gemeente.nl/");

    private static Map<String, String> mail(String... more) {
        Map<String, String> env = new java.util.HashMap<>(MAIL);
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void withoutAnSmtpHostMailIsOff() {
        assertThat(settings(Map.of()).mail()).isEqualTo(MailSettings.OFF);
        assertThat(settings(Map.of()).mail().enabled()).isFalse();
        assertThat(settings(Map.of("AFSPRAKENWIKI_SMTP_TLS", "nonsense", "AFSPRAKENWIKI_SMTP_HOST", " ")).mail().enabled()).isFalse();
    }

    @Test
    void anSmtpHostTurnsMailOnWithPort25AndNoTlsByDefault() {
        Settings settings = settings(MAIL);

        assertThat(settings.mail().enabled()).isTrue();
        assertThat(settings.mail().host()).isEqualTo("smtp.gemeente.nl");
        assertThat(settings.mail().port()).isEqualTo(25);
        assertThat(settings.mail().tls()).isEqualTo(Tls.NONE);
        assertThat(settings.mail().from()).isEqualTo("afsprakenwiki@gemeente.nl");
        assertThat(settings.baseUrl()).isEqualTo("https://afspraken.gemeente.nl");
    }

    @Test
    void everyMailSettingIsRead() {
        MailSettings mail = settings(mail("AFSPRAKENWIKI_SMTP_PORT", "587", "AFSPRAKENWIKI_SMTP_TLS", "STARTTLS",
                "AFSPRAKENWIKI_SMTP_USER", "wiki", "AFSPRAKENWIKI_SMTP_PASSWORD", "geheim-wachtwoord-123")).mail();

        assertThat(mail.port()).isEqualTo(587);
        assertThat(mail.tls()).isEqualTo(Tls.STARTTLS);
        assertThat(mail.user()).isEqualTo("wiki");
        assertThat(mail.password()).isEqualTo("geheim-wachtwoord-123");
        assertThat(settings(mail("AFSPRAKENWIKI_SMTP_TLS", "tls")).mail().tls()).isEqualTo(Tls.TLS);
    }

    @Test
    void theMailSettingsHaveFlagsThatWinOverTheEnvironmentExceptThePassword() {
        Settings settings = settings(mail("AFSPRAKENWIKI_SMTP_PORT", "25"), "--smtp-host", "mail.regio.nl", "--smtp-port", "465",
                "--smtp-tls", "tls", "--smtp-user", "wiki", "--mail-from", "wiki@regio.nl",
                "--base-url", "https://wiki.regio.nl", "--digest-hour", "6");

        assertThat(settings.mail().host()).isEqualTo("mail.regio.nl");
        assertThat(settings.mail().port()).isEqualTo(465);
        assertThat(settings.mail().tls()).isEqualTo(Tls.TLS);
        assertThat(settings.mail().user()).isEqualTo("wiki");
        assertThat(settings.mail().from()).isEqualTo("wiki@regio.nl");
        assertThat(settings.baseUrl()).isEqualTo("https://wiki.regio.nl");
        assertThat(settings.digestHour()).isEqualTo(6);
        assertThat(Settings.FLAGS_FOR_VARIABLES).doesNotContainValue("AFSPRAKENWIKI_SMTP_PASSWORD");
        assertThatThrownBy(() -> settings(Map.of(), "--smtp-host", "mail.regio.nl", "--base-url", "https://wiki.regio.nl"))
                .hasMessageStartingWith("AFSPRAKENWIKI_MAIL_FROM ontbreekt");
    }

    @Test
    void theSmtpPasswordIsNeverPartOfTheSettingsAsText() {
        Settings settings = settings(mail("AFSPRAKENWIKI_SMTP_USER", "wiki", "AFSPRAKENWIKI_SMTP_PASSWORD", "geheim-wachtwoord-123"));

        assertThat(settings.toString()).contains("smtp.gemeente.nl:25").doesNotContain("geheim-wachtwoord-123");
        assertThat(settings.mail().toString()).doesNotContain("geheim");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ssl", "yes", "starttls please", "tls1.3"})
    void anUnknownTlsModeStopsTheStartWithTheValuesThatAreAllowed(String value) {
        assertThatThrownBy(() -> settings(mail("AFSPRAKENWIKI_SMTP_TLS", value)))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("AFSPRAKENWIKI_SMTP_TLS moet none, starttls of tls zijn, niet '" + value + "'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "65536", "smtp"})
    void aBadSmtpPortStopsTheStart(String value) {
        assertThatThrownBy(() -> settings(mail("AFSPRAKENWIKI_SMTP_PORT", value)))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageStartingWith("AFSPRAKENWIKI_SMTP_PORT moet een poortnummer");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"afspraken.gemeente.nl", "ftp://afspraken.gemeente.nl", "https://", "/wiki",
            "https://afspraken.gemeente.nl/?x=1", "javascript:alert(1)", "https://user@afspraken.gemeente.nl"})
    void aBaseUrlThatIsNotAnAbsoluteHttpAddressStopsTheStart(String value) {
        assertThatThrownBy(() -> settings(Map.of("AFSPRAKENWIKI_BASE_URL", value)))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageStartingWith("AFSPRAKENWIKI_BASE_URL moet een volledig http- of https-adres zijn");
    }

    @Test
    void mailNeedsASenderAddressAndThePublicAddressForItsLinks() {
        Map<String, String> noFrom = new java.util.HashMap<>(MAIL);
        noFrom.remove("AFSPRAKENWIKI_MAIL_FROM");
        assertThatThrownBy(() -> settings(noFrom)).isInstanceOf(CommandLine.UsageException.class)
                .hasMessageStartingWith("AFSPRAKENWIKI_MAIL_FROM ontbreekt");
        assertThatThrownBy(() -> settings(mail("AFSPRAKENWIKI_MAIL_FROM", "geen adres"))).isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("AFSPRAKENWIKI_MAIL_FROM is geen geldig e-mailadres: geen adres");
        Map<String, String> noBase = new java.util.HashMap<>(MAIL);
        noBase.remove("AFSPRAKENWIKI_BASE_URL");
        assertThatThrownBy(() -> settings(noBase)).isInstanceOf(CommandLine.UsageException.class)
                .hasMessageStartingWith("AFSPRAKENWIKI_BASE_URL ontbreekt bij AFSPRAKENWIKI_SMTP_HOST");
    }

    @Test
    void theDailyRunIsAtSevenUnlessAnotherWholeHourIsSet() {
        assertThat(settings(Map.of()).digestHour()).isEqualTo(7);
        assertThat(settings(Map.of("AFSPRAKENWIKI_DIGEST_HOUR", "0")).digestHour()).isZero();
        assertThat(settings(Map.of("AFSPRAKENWIKI_DIGEST_HOUR", " 23 ")).digestHour()).isEqualTo(23);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"24", "-1", "7:30", "zeven"})
    void aDigestHourThatIsNoWholeHourStopsTheStartNamingTheVariable(String hour) {
        assertThatThrownBy(() -> settings(Map.of("AFSPRAKENWIKI_DIGEST_HOUR", hour)))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageStartingWith("AFSPRAKENWIKI_DIGEST_HOUR moet een heel uur van 0 tot en met 23 zijn")
                .hasMessageContaining("'" + hour + "'");
    }
}
