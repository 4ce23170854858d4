package nl.afsprakenwiki;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the code (docs/ARCHITECTURE.md): packages import only downward, toolkits import no
 * feature, each library stays in the package that wraps it. Runs on the compiled main classes.
 */
@AnalyzeClasses(packages = "nl.afsprakenwiki", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "nl.afsprakenwiki";
    /** Feature packages and everything above them: what toolkits and access may not know. */
    private static final String[] FEATURES_AND_ABOVE = {"nl.afsprakenwiki.accounts..", "nl.afsprakenwiki.auth..",
            "nl.afsprakenwiki.audit..", "nl.afsprakenwiki.koppelzones..", "nl.afsprakenwiki.agreements..",
            "nl.afsprakenwiki.endorsements..", "nl.afsprakenwiki.adoption..", "nl.afsprakenwiki.meetings..",
            "nl.afsprakenwiki.search..", "nl.afsprakenwiki.admin..", "nl.afsprakenwiki.transfer..",
            "nl.afsprakenwiki.following..", "nl.afsprakenwiki.notifications..", "nl.afsprakenwiki.preferences..",
            "nl.afsprakenwiki.site..", "nl.afsprakenwiki.experiences..", "nl.afsprakenwiki.discussion..",
            "nl.afsprakenwiki.templates..", "nl.afsprakenwiki.leaks..",
            "nl.afsprakenwiki.files..", "nl.afsprakenwiki.attachments..",
            "nl.afsprakenwiki.privacy..", "nl.afsprakenwiki.redaction..", "nl.afsprakenwiki.chain..",
            "nl.afsprakenwiki.health.."};
    private static final String[] TOOLKITS = {"nl.afsprakenwiki.web..", "nl.afsprakenwiki.db..",
            "nl.afsprakenwiki.markdown..", "nl.afsprakenwiki.text.."};

    private static final DescribedPredicate<JavaClass> USE_JAVALIN = DescribedPredicate.describe("use Javalin",
            type -> type.getDirectDependenciesFromSelf().stream()
                    .anyMatch(dependency -> dependency.getTargetClass().getPackageName().startsWith("io.javalin")));

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("nl.afsprakenwiki.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothingImportsTheWiring = noClasses().that().resideOutsideOfPackage(ROOT)
            .should().dependOnClassesThat().resideInAPackage(ROOT)
            .because("Main, App and Services build everything; nothing below may reach back up to them");

    @ArchTest
    static final ArchRule toolkitsImportNoFeature = noClasses().that().resideInAnyPackage(TOOLKITS)
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES_AND_ABOVE);

    @ArchTest
    static final ArchRule accessImportsNothingOfTheWiki = noClasses().that().resideInAPackage("nl.afsprakenwiki.access..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES_AND_ABOVE)
            .orShould().dependOnClassesThat().resideInAnyPackage(TOOLKITS)
            .because("access (Viewer, Role, Permission) is the bottom every feature stands on");

    @ArchTest
    static final ArchRule noFeatureImportsSite = noClasses().that().resideOutsideOfPackages(ROOT, "nl.afsprakenwiki.site..")
            .should().dependOnClassesThat().resideInAPackage("nl.afsprakenwiki.site..")
            .because("site/ is the top: routes, access filter, error handling and the hub pages");

    @ArchTest
    static final ArchRule accountsBelowKoppelzones = noClasses().that().resideInAnyPackage("nl.afsprakenwiki.accounts..",
                    "nl.afsprakenwiki.access..", "nl.afsprakenwiki.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("nl.afsprakenwiki.koppelzones..", "nl.afsprakenwiki.auth..",
                    "nl.afsprakenwiki.agreements..");

    @ArchTest
    static final ArchRule koppelzonesBelowAgreements = noClasses().that().resideInAPackage("nl.afsprakenwiki.koppelzones..")
            .should().dependOnClassesThat().resideInAnyPackage("nl.afsprakenwiki.agreements..",
                    "nl.afsprakenwiki.endorsements..", "nl.afsprakenwiki.adoption..", "nl.afsprakenwiki.meetings..",
                    "nl.afsprakenwiki.search..");

    /** Templates stand between koppelzones and agreements: creating an agreement starts from one. */
    @ArchTest
    static final ArchRule templatesBelowAgreements = noClasses().that().resideInAPackage("nl.afsprakenwiki.templates..")
            .should().dependOnClassesThat().resideInAnyPackage("nl.afsprakenwiki.agreements..",
                    "nl.afsprakenwiki.endorsements..", "nl.afsprakenwiki.adoption..", "nl.afsprakenwiki.meetings..",
                    "nl.afsprakenwiki.search..");

    /** Waardelekken stand beside agreements; meetings propose and decide them, never the other way round. */
    @ArchTest
    static final ArchRule leaksBelowMeetings = noClasses().that().resideInAPackage("nl.afsprakenwiki.leaks..")
            .should().dependOnClassesThat().resideInAnyPackage("nl.afsprakenwiki.meetings..",
                    "nl.afsprakenwiki.endorsements..", "nl.afsprakenwiki.adoption..", "nl.afsprakenwiki.search..");

    @ArchTest
    static final ArchRule agreementsBelowItsPanels = noClasses().that().resideInAPackage("nl.afsprakenwiki.agreements..")
            .should().dependOnClassesThat().resideInAnyPackage("nl.afsprakenwiki.endorsements..",
                    "nl.afsprakenwiki.adoption..", "nl.afsprakenwiki.meetings..", "nl.afsprakenwiki.search..",
                    "nl.afsprakenwiki.experiences..")
            .because("features add to the agreement page through the AgreementPanel port");

    /**
     * The outbox is called by features inside their transactions, as the audit log is; so it stands on
     * the toolkits, access and the audit log only, and knows no feature (no cycle, whoever enqueues).
     */
    @ArchTest
    static final ArchRule notificationsImportNoFeature = noClasses().that().resideInAPackage("nl.afsprakenwiki.notifications..")
            .should().dependOnClassesThat().resideInAnyPackage(Stream.of(FEATURES_AND_ABOVE)
                    .filter(feature -> !feature.equals("nl.afsprakenwiki.audit..")
                            && !feature.equals("nl.afsprakenwiki.notifications.."))
                    .toArray(String[]::new))
            .orShould().dependOnClassesThat().resideInAPackage("io.javalin..")
            .because("features enqueue mail through the outbox; it must not reach back into them");

    /**
     * The privacy detector (issue 17) is called by every feature that saves text, so it stands on the
     * toolkits only (db and text for the scan) and knows no feature and no HTTP.
     */
    @ArchTest
    static final ArchRule privacyImportsNoFeature = noClasses().that().resideInAPackage("nl.afsprakenwiki.privacy..")
            .should().dependOnClassesThat().resideInAnyPackage(Stream.of(FEATURES_AND_ABOVE)
                    .filter(feature -> !feature.equals("nl.afsprakenwiki.privacy.."))
                    .toArray(String[]::new))
            .orShould().dependOnClassesThat().resideInAPackage("io.javalin..")
            .because("every feature may call the detector; it must not reach back into them");

    @ArchTest
    static final ArchRule endorsementsKeepToItself = onlyItsRow("endorsements");

    @ArchTest
    static final ArchRule adoptionKeepsToItself = onlyItsRow("adoption");

    @ArchTest
    static final ArchRule searchKeepsToItself = onlyItsRow("search");

    /** Experiences (issue 16) sit in the row above agreements and import none of the others of that row. */
    @ArchTest
    static final ArchRule experiencesKeepToItself = noClasses().that().resideInAPackage(ROOT + ".experiences..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".endorsements..", ROOT + ".adoption..",
                    ROOT + ".search..", ROOT + ".meetings..", ROOT + ".following..");

    /**
     * The chain (issue 18) sits between koppelzones/agreements and site/: it reads parties and agreements
     * and gets the open leaks through its own port (ChainLeaks), so it imports no feature of the row above agreements.
     */
    @ArchTest
    static final ArchRule chainReadsOnlyKoppelzonesAndAgreements = noClasses().that().resideInAPackage(ROOT + ".chain..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".endorsements..", ROOT + ".adoption..",
                    ROOT + ".search..", ROOT + ".meetings..", ROOT + ".following..", ROOT + ".experiences..",
                    ROOT + ".leaks..", ROOT + ".discussion..", ROOT + ".templates..");

    /** Nothing below site/ reads the chain: it is drawn from the features, not the other way round. */
    @ArchTest
    static final ArchRule onlySiteAndWiringUseTheChain = noClasses().that().resideInAnyPackage(ROOT + ".koppelzones..",
                    ROOT + ".agreements..", ROOT + ".access..", ROOT + ".accounts..", ROOT + ".auth..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".chain..");

    /**
     * The koppelzone's health (issue 18 point 3) reads the records of agreements, endorsements and leaks
     * with its own SQL; it imports none of the features above koppelzones, and nothing but site/ and the
     * wiring imports it.
     */
    @ArchTest
    static final ArchRule healthReadsOnlyKoppelzones = noClasses().that().resideInAPackage(ROOT + ".health..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".endorsements..", ROOT + ".adoption..",
                    ROOT + ".search..", ROOT + ".meetings..", ROOT + ".following..", ROOT + ".experiences..",
                    ROOT + ".discussion..", ROOT + ".templates..", ROOT + ".chain..", ROOT + ".site..");

    @ArchTest
    static final ArchRule onlySiteAndWiringUseHealth = noClasses().that().resideOutsideOfPackages(ROOT, ROOT + ".site..",
                    ROOT + ".health..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".health..");

    /**
     * Features of one row (endorsements, adoption, search, meetings) import none of the others; one
     * written exception: meetings uses endorsements, because a meeting decision makes a lifecycle
     * move in the same transaction. A new cross-feature need becomes a port in the lower package.
     */
    private static ArchRule onlyItsRow(String feature) {
        String[] others = Stream.of("endorsements", "adoption", "search", "meetings").filter(other -> !other.equals(feature))
                .map(other -> ROOT + "." + other + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(ROOT + "." + feature + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("features of one row go through ports, not through each other");
    }

    @ArchTest
    static final ArchRule luceneOnlyInSearch = noClasses().that().resideOutsideOfPackage("nl.afsprakenwiki.search..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..");

    @ArchTest
    static final ArchRule pac4jOnlyInAuth = noClasses().that().resideOutsideOfPackage("nl.afsprakenwiki.auth..")
            .should().dependOnClassesThat().resideInAPackage("org.pac4j..");

    @ArchTest
    static final ArchRule flexmarkOnlyInMarkdown = noClasses().that().resideOutsideOfPackage("nl.afsprakenwiki.markdown..")
            .should().dependOnClassesThat().resideInAPackage("com.vladsch.flexmark..");

    @ArchTest
    static final ArchRule javalinNotInStoresOrServices = noClasses().that().haveSimpleNameEndingWith("Store")
            .or().haveSimpleNameEndingWith("Service")
            .or().resideInAnyPackage("nl.afsprakenwiki.access..", "nl.afsprakenwiki.db..", "nl.afsprakenwiki.markdown..",
                    "nl.afsprakenwiki.text..", "nl.afsprakenwiki.audit..")
            .should().dependOnClassesThat().resideInAPackage("io.javalin..");

    @ArchTest
    static final ArchRule javalinOnlyInHandlers = classes().that().resideInAnyPackage("nl.afsprakenwiki.accounts..",
                    "nl.afsprakenwiki.koppelzones..", "nl.afsprakenwiki.agreements..", "nl.afsprakenwiki.endorsements..",
                    "nl.afsprakenwiki.adoption..", "nl.afsprakenwiki.meetings..", "nl.afsprakenwiki.search..",
                    "nl.afsprakenwiki.admin..", "nl.afsprakenwiki.transfer..", "nl.afsprakenwiki.following..",
                    "nl.afsprakenwiki.experiences..", "nl.afsprakenwiki.discussion..",
                    "nl.afsprakenwiki.templates..", "nl.afsprakenwiki.leaks..",
                    "nl.afsprakenwiki.files..", "nl.afsprakenwiki.attachments..",
                    "nl.afsprakenwiki.redaction..", "nl.afsprakenwiki.chain..", "nl.afsprakenwiki.health..")
            .and(USE_JAVALIN)
            .should().haveSimpleNameEndingWith("Pages").orShould().haveSimpleNameEndingWith("Api")
            .orShould().haveSimpleName("Current").orShould().haveSimpleName("Feeds").orShould().haveSimpleName("FormReader")
            .allowEmptyShould(true)
            .because("in a feature, only its web handlers know HTTP; the rules live in services that run without it");

}
