package nl.afsprakenwiki.markdown;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An inflater given back is used again, and whatever its last use did, it inflates the next input as a new one would. */
class InflatersTest {

    private static byte[] deflated(String text) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        byte[] out = new byte[1024];
        int length = deflater.deflate(out);
        deflater.end();
        return Arrays.copyOf(out, length);
    }

    private static String inflated(Inflater inflater, byte[] input, int length) throws DataFormatException {
        inflater.setInput(input);
        byte[] out = new byte[length];
        int done = inflater.inflate(out);
        assertThat(inflater.finished()).isTrue();
        return new String(out, 0, done, StandardCharsets.UTF_8);
    }

    @Test
    void anInflaterGivenBackAfterAFailureOrHalfwayInflatesTheNextInputWhole() throws DataFormatException {
        String text = "<p>Het wijkteam belt binnen twee werkdagen.</p>";
        byte[] good = deflated(text);
        Inflater first = Inflaters.take();
        first.setInput(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThatThrownBy(() -> first.inflate(new byte[64])).isInstanceOf(DataFormatException.class);
        Inflaters.giveBack(first);
        // others given back before it (by other tests) come first
        List<Inflater> taken = new ArrayList<>();
        Inflater again;
        do {
            again = Inflaters.take();
            taken.add(again);
        } while (again != first && taken.size() <= 8);
        assertThat(again).as("used again").isSameAs(first);
        for (Inflater other : taken.subList(0, taken.size() - 1)) {
            Inflaters.giveBack(other);
        }
        assertThat(inflated(again, good, 256)).isEqualTo(text);
        // halfway through a stream
        again.reset();
        again.setInput(good);
        again.inflate(new byte[4]);
        Inflaters.giveBack(again);
        Inflater third = Inflaters.take();
        assertThat(inflated(third, good, 256)).isEqualTo(text);
        Inflaters.giveBack(third);
    }
}
