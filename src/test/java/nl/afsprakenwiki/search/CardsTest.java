package nl.afsprakenwiki.search;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CardsTest {

    @TempDir
    Path dir;

    /** A document as the index holds one, with {@code version} in every value that can change. */
    private static Document agreement(int id, int version, boolean leaks) {
        Document doc = new Document();
        doc.add(new StringField(Fields.KEY, "c:" + id, Field.Store.NO));
        doc.add(new StringField(Fields.AGREEMENT, Integer.toString(id), Field.Store.YES));
        doc.add(new StringField(Fields.MUNICIPALITY_SLUG, "gemeente-" + id % 7, Field.Store.YES));
        doc.add(new StoredField(Fields.TITLE, "Afspraak " + id + " versie " + version));
        doc.add(new StoredField(Fields.BODY, "## Doel\n\n  Warme   overdracht\tna verblijf " + id + ".".repeat(version)));
        doc.add(new StoredField(Fields.STORED_KOPPELZONE_SLUG, "kz-" + id % 3));
        doc.add(new StoredField(Fields.STORED_KOPPELZONE_NAME, "Koppelzone " + id % 3));
        doc.add(new StoredField(Fields.STORED_MUNICIPALITY, "Gemeente " + id % 7));
        doc.add(new StoredField(Fields.STORED_STATUS, version % 2 == 0 ? "concept" : "bekrachtigd"));
        doc.add(new StoredField(Fields.STORED_REVISION, version));
        doc.add(new StoredField(Fields.UPDATED, 1_700_000_000_000L + version));
        doc.add(new StoredField(Fields.ADOPTIONS, version * 2));
        doc.add(new StoredField(Fields.EXPERIENCES, version * 3));
        if (leaks) {
            doc.add(new StoredField(Fields.LEAKS, version * 5));
        }
        return doc;
    }

    @Test
    void aKeptCardIsWhatTheIndexHoldsThroughUpdatesDeletesAndMerges() throws IOException {
        Cards cards = new Cards();
        Random random = new Random(11);
        int[] versions = new int[300];
        try (FSDirectory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            writer.commit();
            DirectoryReader reader = DirectoryReader.open(writer);
            Set<IndexReader.CacheKey> seen = Set.of();
            for (int round = 0; round < 12; round++) {
                // a few agreements changed (each change a new document, in a new segment), now and then all merged
                for (int i = 0; i < 40; i++) {
                    int id = random.nextInt(versions.length);
                    versions[id]++;
                    writer.updateDocument(new Term(Fields.KEY, "c:" + id), agreement(id, versions[id], id % 4 != 0));
                }
                if (round % 4 == 3) {
                    writer.forceMerge(1);
                }
                // as the wiki reopens: unchanged segments are shared with the reader before
                DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer);
                reader.close();
                reader = newer;
                long readBefore = cards.reads();
                Bits live = MultiBits.getLiveDocs(reader);
                for (int doc = 0; doc < reader.maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue; // an agreement's older document: never found
                    }
                    Cards.Card expected = Cards.Card.of(reader.storedFields().document(doc, Cards.STORED));
                    Cards.Card card = cards.of(reader, doc);
                    assertThat(card).isEqualTo(expected);
                    assertThat(cards.of(reader, doc)).isSameAs(card);
                    assertThat(card.title()).endsWith("versie " + versions[(int) card.agreement()]);
                }
                // exactly the documents of segments not read before were read: the others' cards were kept
                long fresh = 0;
                Set<IndexReader.CacheKey> cores = new HashSet<>();
                for (LeafReaderContext leaf : reader.leaves()) {
                    IndexReader.CacheKey core = leaf.reader().getCoreCacheHelper().getKey();
                    cores.add(core);
                    if (!seen.contains(core)) {
                        fresh += leaf.reader().numDocs();
                    }
                }
                assertThat(cards.reads() - readBefore).isEqualTo(fresh);
                seen = cores;
            }
            assertThat(reader.leaves()).hasSize(1);
            reader.close();
        }
    }

    @Test
    void aCardShowsWhatSimilarAgreementsAndSuggestionsShow() throws IOException {
        try (FSDirectory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            writer.addDocument(agreement(12, 3, true));
            writer.addDocument(agreement(16, 2, false));
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                Cards cards = new Cards();
                assertThat(cards.of(reader, 0)).isEqualTo(new Cards.Card(12, "Afspraak 12 versie 3", "gemeente-5",
                        "Gemeente 5", "Koppelzone 0", "bekrachtigd"));
                assertThat(cards.of(reader, 1)).isEqualTo(new Cards.Card(16, "Afspraak 16 versie 2", "gemeente-2",
                        "Gemeente 2", "Koppelzone 1", "concept"));
            }
        }
    }
}
