package nl.afsprakenwiki.adoption;

import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.agreements.MergeResult;
import nl.afsprakenwiki.agreements.SaveOutcome;
import nl.afsprakenwiki.endorsements.Decision;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static nl.afsprakenwiki.testing.TestServices.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adoption rules on the services alone (real SQLite file and migrations, no web server): what
 * is taken over, who may adopt where, and how a newer endorsed source revision reaches an adopter.
 * {@link AdoptionApiTest} checks the API's answers and the pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdoptionRulesTest {

    private static final String TITLE = "Terugbellen na aanmelding";
    private static final String P1 = "Het wijkteam belt binnen vijf werkdagen terug.";
    private static final String P2 = "De aanbieder stuurt een verslag naar het wijkteam.";
    private static final String P3 = "De koppelzone evalueert na een half jaar.";

    private TestServices app;
    private Adoptions adoptions;
    private String zoneA;
    private String zoneB;
    private Viewer expertA;
    private Viewer managerA;
    private Viewer expertB;
    private Viewer readerB;

    @BeforeAll
    void start(@TempDir Path dir) {
        app = TestServices.open(dir);
        adoptions = app.services.adoptions();
        zoneA = app.data.koppelzone("Koppelzone Jeugd Aastad", "Aastad");
        zoneB = app.data.koppelzone("Koppelzone Jeugd Beestad", "Beestad");
        expertA = app.member(zoneA, "anna", Role.PRAKTIJKEXPERT, "wijkteam-aastad");
        managerA = app.member(zoneA, "mark", Role.MANAGER, "wijkteam-aastad");
        app.member(zoneA, "mia", Role.MANAGER, "jeugdhulp-de-brug-aastad");
        expertB = app.member(zoneB, "bert", Role.PRAKTIJKEXPERT, "wijkteam-beestad");
        readerB = app.member(zoneB, "lea", Role.LEZER, "wijkteam-beestad");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static String body(String... paragraphs) {
        return String.join("\n\n", paragraphs);
    }

    private Agreement agreement(long id, Viewer viewer) {
        return app.services.agreements().find(id, viewer).orElseThrow();
    }

    private String text(long id, Viewer viewer) {
        return app.services.agreements().version(id, null, viewer).map(AgreementService.Version::revision)
                .orElseThrow().body();
    }

    /** An agreement of A between its wijkteam only, endorsed. */
    private long endorsedInA(String text) {
        long id = app.draft(zoneA, expertA, TITLE, text, "wijkteam-aastad");
        endorseCurrent(id);
        return id;
    }

    private void endorseCurrent(long id) {
        int current = agreement(id, expertA).currentRevision();
        app.services.lifecycle().propose(id, current, expertA.author());
        assertThat(app.services.lifecycle().decide(id, current, Decision.Kind.ENDORSE, "", managerA).completed()).isTrue();
    }

    private int edit(long id, Viewer author, String text) {
        SaveOutcome saved = app.edit(id, agreement(id, author).currentRevision(), author, TITLE, text);
        return ((SaveOutcome.Saved) saved).revision().number();
    }

    private long adoptIntoB(long source) {
        return adoptions.adopt(source, zoneB, Map.of(), expertB).agreementId();
    }

    @Test
    void adoptingTakesTheEndorsedRevisionNotTheDraftAndMapsThePartiesToTheTarget() {
        long source = endorsedInA(body(P1, P2, P3));
        edit(source, expertA, body(P1, P2, P3, "Een concept dat nog niet is bekrachtigd."));
        long adopted = adoptIntoB(source);

        Agreement copy = agreement(adopted, expertB);
        assertThat(copy.status()).isEqualTo(AgreementStatus.CONCEPT);
        assertThat(copy.currentRevision()).isEqualTo(1);
        assertThat(copy.koppelzone().slug()).isEqualTo(zoneB);
        assertThat(copy.parties()).extracting(Organisation::slug).containsExactly("wijkteam-beestad");
        assertThat(text(adopted, expertB)).isEqualTo(body(P1, P2, P3));
        AdoptionStore.Link link = adoptions.link(adopted).orElseThrow();
        assertThat(link.sourceId()).isEqualTo(source);
        assertThat(link.sourceRevision()).isEqualTo(1);
        assertThat(link.syncedRevision()).isEqualTo(1);
    }

    @Test
    void aPartyMappedToNothingIsLeftOut() {
        long source = app.draft(zoneA, expertA, TITLE, P1, "wijkteam-aastad", "jeugdhulp-de-brug-aastad");
        app.services.lifecycle().propose(source, 1, expertA.author());
        app.services.lifecycle().decide(source, 1, Decision.Kind.ENDORSE, "", managerA);
        app.services.lifecycle().decide(source, 1, Decision.Kind.ENDORSE, "", app.viewer("mia"));

        long adopted = adoptions.adopt(source, zoneB, Map.of("wijkteam-aastad", ""), expertB).agreementId();
        assertThat(agreement(adopted, expertB).parties()).extracting(Organisation::slug)
                .containsExactly("jeugdhulp-de-brug-beestad");
    }

    @Test
    void onlyAnEndorsedAgreementIsAdoptedAndOnlyWhereTheAdopterMayWrite() {
        long draft = app.draft(zoneA, expertA, TITLE, P1, "wijkteam-aastad");
        assertThatThrownBy(() -> adoptions.adopt(draft, zoneB, Map.of(), expertB)).as("a draft of A is hidden from B")
                .isInstanceOf(nl.afsprakenwiki.access.NotFound.class);

        long source = endorsedInA(body(P1, P2));
        assertThat(refusal(() -> adoptions.adopt(source, zoneB, Map.of(), readerB))).isEqualTo("403 refused.adoptNoRights");
        assertThat(refusal(() -> adoptions.adopt(source, zoneA, Map.of(), expertA))).isEqualTo("409 refused.adoptSameKoppelzone");
        assertThatThrownBy(() -> adoptions.adopt(source, " ", Map.of(), expertB)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> adoptions.adopt(source, "bestaat-niet", Map.of(), expertB)).isInstanceOf(InvalidInput.class);
        assertThat(adoptions.targets(agreement(source, expertB), expertB)).extracting(k -> k.slug()).containsExactly(zoneB);
        assertThat(adoptions.targets(agreement(source, readerB), readerB)).isEmpty();
    }

    @Test
    void aNewerEndorsedSourceRevisionMergesWithTheAdoptersOwnChange() {
        long source = endorsedInA(body(P1, P2, P3));
        long adopted = adoptIntoB(source);
        assertThat(adoptions.upstream(adopted, expertB)).as("in step").isEmpty();

        String sourceP1 = "Het wijkteam belt binnen drie werkdagen terug.";
        edit(source, expertA, body(sourceP1, P2, P3));
        assertThat(adoptions.upstream(adopted, expertB)).as("a draft of the source is nothing to take over").isEmpty();
        endorseCurrent(source);
        String ownP3 = "De koppelzone evalueert elk kwartaal.";
        edit(adopted, expertB, body(P1, P2, ownP3));

        Adoptions.Upstream upstream = adoptions.upstream(adopted, expertB).orElseThrow();
        assertThat(upstream.synced()).isEqualTo(1);
        assertThat(upstream.latest()).isEqualTo(2);
        var merged = (Adoptions.MergeResult.Merged) adoptions.mergeUpstream(adopted, expertB);
        assertThat(merged.sourceRevision()).isEqualTo(2);
        assertThat(text(adopted, expertB)).isEqualTo(body(sourceP1, P2, ownP3));
        assertThat(agreement(adopted, expertB).status()).isEqualTo(AgreementStatus.CONCEPT);
        assertThat(adoptions.link(adopted).orElseThrow().syncedRevision()).isEqualTo(2);
        assertThat(adoptions.upstream(adopted, expertB)).isEmpty();
        assertThat(refusal(() -> adoptions.mergeUpstream(adopted, expertB))).isEqualTo("409 refused.upToDate");
    }

    @Test
    void aConflictWritesNothingAndItsResolutionMayHoldNoMarkers() {
        long source = endorsedInA(body(P1, P2, P3));
        long adopted = adoptIntoB(source);
        edit(source, expertA, body(P1, "De aanbieder belt het wijkteam.", P3));
        endorseCurrent(source);
        String own = body(P1, "De aanbieder mailt een verslag naar het wijkteam.", P3);
        int ownRevision = edit(adopted, expertB, own);

        var conflict = (Adoptions.MergeResult.Conflict) adoptions.mergeUpstream(adopted, expertB);
        assertThat(conflict.conflicts()).isEqualTo(1);
        assertThat(conflict.blocks().conflicts()).containsExactly(new MergeResult.BlockConflict(0, P2,
                "De aanbieder mailt een verslag naar het wijkteam.", "De aanbieder belt het wijkteam."));
        assertThat(agreement(adopted, expertB).currentRevision()).as("nothing written").isEqualTo(ownRevision);
        assertThat(text(adopted, expertB)).isEqualTo(own);

        String marked = body(P1, "<<<<<<< uw versie\nmailt\n=======\nbelt\n>>>>>>> bron", P3);
        assertThatThrownBy(() -> adoptions.resolveUpstream(adopted, ownRevision, 2, TITLE, marked, expertB))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("body"));
        assertThat(refusal(() -> adoptions.resolveUpstream(adopted, ownRevision, 1, TITLE, own, expertB)))
                .as("only the newest source revision is resolved").isEqualTo("409 refused.upToDate");
        String resolved = body(P1, "De aanbieder belt het wijkteam en mailt een verslag.", P3);
        adoptions.resolveUpstream(adopted, ownRevision, 2, TITLE, resolved, expertB);
        assertThat(text(adopted, expertB)).isEqualTo(resolved);
        assertThat(adoptions.upstream(adopted, expertB)).isEmpty();
    }

    @Test
    void aDismissedSourceRevisionStaysAwayUntilTheSourceIsEndorsedAgain() {
        long source = endorsedInA(body(P1, P2));
        long adopted = adoptIntoB(source);
        edit(source, expertA, body(P1, P2, P3));
        endorseCurrent(source);
        adoptions.dismiss(adopted, 2, expertB);
        assertThat(adoptions.upstream(adopted, expertB).orElseThrow().dismissed()).isTrue();
        assertThat(text(adopted, expertB)).isEqualTo(body(P1, P2));

        edit(source, expertA, body(P1, P3));
        endorseCurrent(source);
        Adoptions.Upstream again = adoptions.upstream(adopted, expertB).orElseThrow();
        assertThat(again.latest()).isEqualTo(3);
        assertThat(again.dismissed()).isFalse();
    }
}
