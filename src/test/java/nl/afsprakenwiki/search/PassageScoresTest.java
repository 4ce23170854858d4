package nl.afsprakenwiki.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The passage score without a hash is Lucene's, bit for bit, so the same sentences are chosen. */
class PassageScoresTest {

    @Test
    void everyPassageScoresExactlyAsLucenesScorer() {
        Random random = new Random(7);
        PassageScorer lucene = new PassageScorer();
        PassageScores ours = new PassageScores();
        String[] words = {"wijkteam", "overdracht", "huisarts", "jeugdhulp", "pleegzorg", "termijn"};
        int differentTerms = 0;
        for (int round = 0; round < 5_000; round++) {
            Passage passage = new Passage();
            int start = random.nextInt(5_000);
            passage.setStartOffset(start);
            passage.setEndOffset(start + 600 + random.nextInt(200));
            int at = start;
            int matches = random.nextInt(12);
            for (int i = 0; i < matches; i++) {
                String word = words[random.nextInt(1 + random.nextInt(words.length))];
                at += 1 + random.nextInt(40);
                passage.addMatch(at, at + word.length(), new BytesRef(word), 1 + random.nextInt(30));
            }
            int length = passage.getEndOffset() + random.nextInt(20_000);
            float expected = lucene.score(passage, length);
            assertThat(ours.score(passage, length)).as("passage %s", passage).isEqualTo(expected);
            differentTerms += matches > 1 ? 1 : 0;
        }
        assertThat(differentTerms).isGreaterThan(1_000);
    }
}
