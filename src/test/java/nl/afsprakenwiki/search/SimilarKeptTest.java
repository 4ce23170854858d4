package nl.afsprakenwiki.search;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.text.Progress;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's or beheerder's "vergelijkbare afspraken" are kept across saved drafts: after a save,
 * a kept list is checked against the agreements written since instead of searched again. It must
 * always be exactly what a fresh search finds, whatever the saves did: drafts that make an agreement
 * a copy of another (equal scores), drafts that make a listed agreement unlike, saves of the
 * agreement itself, saves elsewhere, merges of the index's segments.
 */
class SimilarKeptTest {

    private static final String[] MUNICIPALITIES = {"Astad", "Bdorp", "Cveen", "Dwoude", "Eburg", "Fveld"};

    @TempDir
    static Path dir;
    static TestApp app;
    static final List<long[]> agreements = new ArrayList<>();
    static final List<String> texts = new ArrayList<>();
    static Viewer member;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        app.account("lid");
        Random random = new Random(20261207);
        for (String municipality : MUNICIPALITIES) {
            String zone = "Koppelzone " + municipality;
            String slug = app.koppelzone(zone, municipality);
            if (municipality.equals("Astad") || municipality.equals("Dwoude")) {
                app.member(slug, "lid", Role.PRAKTIJKEXPERT);
            }
            long zoneId = app.services.koppelzones().bySlug(slug).orElseThrow().id();
            for (int i = 0; i < 6; i++) {
                // a third are copies of one text in every municipality: equal scores
                String body = SimilarTexts.sharedOrOwn(i, random);
                long id = app.agreement(zone, municipality, "afspraak-" + i, "Afspraak " + i + " in " + municipality,
                        SimilarTexts.status(i), body);
                agreements.add(new long[] {id, zoneId});
                texts.add(body);
            }
        }
        member = app.services.accounts().viewer("lid").orElseThrow();
        app.awaitSearch();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static void save(long[] agreement, String body) {
        texts.set(agreements.indexOf(agreement), body);
        SimilarTexts.save(app, agreement[0], body);
    }

    /** Every list the service shows (kept or not) against a fresh search, for both kinds of viewer. */
    private static int compareAll(SimilarAgreements kept) {
        int shown = 0;
        for (Viewer viewer : List.of(TestApp.BEHEERDER, member)) {
            shown += SimilarTexts.compareWithFresh(app, kept, agreements, viewer);
        }
        return shown;
    }

    @Test
    void keptListsAreWhatAFreshSearchFindsAfterEverySave() {
        SimilarAgreements kept = app.services.search().service().similar();
        assertThat(compareAll(kept)).as("the lists compared are not all empty").isGreaterThan(agreements.size());
        Random random = new Random(7);
        long checkedBefore = kept.checked();
        for (int round = 0; round < 24; round++) {
            long[] target = agreements.get(random.nextInt(agreements.size()));
            String body = switch (round % 4) {
                // a copy of another agreement's text: it becomes as alike as a copy can be
                case 0 -> texts.get(random.nextInt(texts.size()));
                // a text unlike every other
                case 1 -> "Een afspraak over iets heel anders: de parkeerplaats van het gemeentehuis " + round + ".";
                default -> SimilarTexts.text(random, 1 + random.nextInt(3));
            };
            save(target, body);
            compareAll(kept);
            if (round == 12) {
                // segments merged: documents get other numbers, equal scores must still fall the same way
                app.services.search().index().expungeRemovedText();
                compareAll(kept);
            }
        }
        assertThat(kept.checked() - checkedBefore).as("kept lists were checked rather than searched again")
                .isGreaterThan(0);
    }

    @Test
    void aSaveElsewhereKeepsTheListAndACopyOfTheAgreementJoinsIt() {
        SimilarAgreements similar = app.services.search().service().similar();
        long[] own = agreements.get(4);
        List<SimilarAgreements.Similar> before = similar.like(own[0], own[1], TestApp.BEHEERDER);
        Set<Long> listed = new HashSet<>();
        before.forEach(item -> listed.add(item.id()));
        // an agreement of another municipality that is not listed
        long[] elsewhere = agreements.stream().filter(a -> a[1] != own[1] && !listed.contains(a[0])).findFirst()
                .orElseThrow();
        long searched = similar.searched();
        long checked = similar.checked();
        // it gets a text unlike any other: the list stays, checked, not searched again
        save(elsewhere, "Kantinerooster: koffie en thee staan klaar vanaf half negen.");
        assertThat(similar.like(own[0], own[1], TestApp.BEHEERDER)).isEqualTo(before);
        assertThat(similar.searched()).as("no search again after an unrelated save").isEqualTo((Long) searched);
        assertThat(similar.checked()).isEqualTo((Long) (checked + 1));
        // it becomes a copy of the agreement: now it is listed
        save(elsewhere, texts.get(4));
        List<SimilarAgreements.Similar> after = similar.like(own[0], own[1], TestApp.BEHEERDER);
        assertThat(after).extracting(SimilarAgreements.Similar::id).contains(elsewhere[0]);
        assertThat(similar.searched()).isGreaterThan((Long) searched);
    }

    @Test
    void whatWasWrittenSinceIsLookedUpInTheNewerSegmentsOnly() {
        SearchIndex index = app.services.search().index();
        long newest = index.withSnapshot(snapshot -> KeptSimilar.newestSegment(snapshot.currentReader()));
        assertThat(newest).as("the current texts' segments are numbered").isGreaterThanOrEqualTo(0);
        long[] saved = agreements.get(4);
        long[] untouched = agreements.get(5);
        save(saved, "Een tekst die na het bewaarde antwoord is geschreven.");
        SimilarTexts.inSnapshot(app, snapshot -> {
            var reader = snapshot.currentReader();
            Set<LeafReaderContext> within = new HashSet<>();
            int[] written = KeptSimilar.documents(reader, List.of(key(saved)), newest, within);
            assertThat(written).as("the document written since is found").hasSize(1);
            assertThat(within).as("in a segment newer than the answer's").isNotEmpty()
                    .allSatisfy(leaf -> assertThat(KeptSimilar.newestSegment(leaf.reader())).isGreaterThan(newest));
            assertThat(KeptSimilar.documents(reader, List.of(key(untouched)), newest, new HashSet<>()))
                    .as("an agreement not written since is not looked up in the older segments").isEmpty();
            assertThat(KeptSimilar.documents(reader, List.of(key(untouched)), -1, new HashSet<>()))
                    .as("but it is there").hasSize(1);
        });
    }

    private static BytesRef key(long[] agreement) {
        return new BytesRef(Fields.key(Fields.KIND_CURRENT, agreement[0]));
    }

    @Test
    void whatChangedBetweenGenerationsIsKnownUntilARebuild() {
        SearchIndex index = app.services.search().index();
        long before = index.withSnapshot(Snapshot::currentGeneration);
        long[] one = agreements.get(1);
        save(one, "Een nieuwe tekst voor de generatie.");
        Set<Long> changed = index.withSnapshot(snapshot -> snapshot.currentChangedSince(before, Integer.MAX_VALUE));
        assertThat(changed).isEqualTo(Set.of(one[0]));
        index.rebuild(Progress.NONE);
        Set<Long> afterRebuild = index.withSnapshot(snapshot -> snapshot.currentChangedSince(before, Integer.MAX_VALUE));
        assertThat(afterRebuild).as("after a rebuild what changed is not known").isNull();
    }
}
