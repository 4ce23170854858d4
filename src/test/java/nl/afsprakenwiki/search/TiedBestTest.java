package nl.afsprakenwiki.search;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The best hits and every hit tied with the last of them, in an order that does not depend on
 * document numbers: on a real index whose documents were written in a shuffled order over several
 * segments.
 */
class TiedBestTest {

    /** Writes one document per agreement id with {@code body}, in a shuffled order, flushing now and then. */
    private static IndexSearcher index(ByteBuffersDirectory directory, List<String> bodies) throws IOException {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(5));
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            int written = 0;
            for (int i : order) {
                Document doc = new Document();
                doc.add(new TextField(Fields.BODY, bodies.get(i), Field.Store.NO));
                doc.add(new NumericDocValuesField(Fields.ID_ORDER, 1000 + i));
                writer.addDocument(doc);
                if (++written % 97 == 0) {
                    writer.flush();
                }
            }
        }
        return new IndexSearcher(DirectoryReader.open(directory));
    }

    @Test
    void theBestAndEveryTieWithTheLastOrderedByAgreement() throws IOException {
        List<String> bodies = new ArrayList<>();
        bodies.add("wijkteam wijkteam wijkteam overdracht"); // the best: agreement 1000
        for (int i = 0; i < 300; i++) {
            bodies.add("wijkteam overdracht"); // 300 copies of one text: equal scores
        }
        for (int i = 0; i < 300; i++) {
            bodies.add("wijkteam overdracht en nog veel meer woorden die de tekst langer maken " + i);
        }
        IndexSearcher searcher = index(new ByteBuffersDirectory(), bodies);
        List<TiedBest.Hit> hits = searcher.search(new TermQuery(new Term(Fields.BODY, "wijkteam")), new TiedBest(5));
        assertThat(hits).as("the best and all 300 copies tied with the fifth").hasSize(301);
        assertThat(hits.get(0).agreement()).isEqualTo(1000);
        List<Long> copies = hits.subList(1, hits.size()).stream().map(TiedBest.Hit::agreement).toList();
        assertThat(copies).isSorted().first().isEqualTo(1001L);
        assertThat(hits.subList(1, hits.size())).allMatch(hit -> hit.score() == hits.get(1).score());
        searcher.getIndexReader().close();
    }

    @Test
    void withoutTiesItIsTheBestInOrder() throws IOException {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            bodies.add("wijkteam ".repeat(1 + i % 40) + "woord".repeat(1) + " vulling".repeat(i % 7));
        }
        IndexSearcher searcher = index(new ByteBuffersDirectory(), bodies);
        List<TiedBest.Hit> hits = searcher.search(new TermQuery(new Term(Fields.BODY, "wijkteam")), new TiedBest(5));
        List<TiedBest.Hit> all = searcher.search(new TermQuery(new Term(Fields.BODY, "wijkteam")), new TiedBest(1000));
        assertThat(all).hasSize(200);
        float fifth = all.get(4).score();
        assertThat(hits).isEqualTo(all.stream().filter(hit -> hit.score() >= fifth).toList());
        assertThat(hits).isSortedAccordingTo(TiedBest.ORDER);
        searcher.getIndexReader().close();
    }

    @Test
    void withAFloorOnlyHitsScoringAtLeastItAndTheirTies() throws IOException {
        List<String> bodies = new ArrayList<>();
        Random random = new Random(3);
        String[] words = {"wijkteam", "overdracht", "verblijf", "huisarts", "school", "vulling"};
        for (int i = 0; i < 2_000; i++) {
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < 3 + random.nextInt(30); w++) {
                body.append(words[random.nextInt(random.nextInt(words.length) + 1)]).append(' ');
            }
            bodies.add(body.toString());
        }
        IndexSearcher searcher = index(new ByteBuffersDirectory(), bodies);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (int w = 0; w < 5; w++) {
            query.add(new BoostQuery(new TermQuery(new Term(Fields.BODY, words[w])), 1 + w), BooleanClause.Occur.SHOULD);
        }
        List<TiedBest.Hit> all = searcher.search(query.build(), new TiedBest(10_000));
        for (int at : new int[]{0, 3, 4, 40, 400, all.size() - 1}) {
            for (float floor : new float[]{all.get(at).score(), Math.nextUp(all.get(at).score()), 0.01f}) {
                List<TiedBest.Hit> above = all.stream().filter(hit -> hit.score() >= floor).toList();
                float fifth = above.size() < 5 ? floor : above.get(4).score();
                assertThat(searcher.search(query.build(), new TiedBest(5, floor))).as("floor %s", floor)
                        .isEqualTo(above.stream().filter(hit -> hit.score() >= fifth).toList());
            }
        }
        assertThat(searcher.search(query.build(), new TiedBest(5, Math.nextUp(all.get(0).score())))).isEmpty();
        searcher.getIndexReader().close();
    }
}
