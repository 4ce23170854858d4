package nl.afsprakenwiki.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoTest {

    @Test
    void anAnswerIsKeptByItsArgumentAndTheLeastRecentlyUsedIsDroppedFirst() {
        AtomicInteger calls = new AtomicInteger();
        Memo<String, String> upper = new Memo<>(2, text -> {
            calls.incrementAndGet();
            return text.toUpperCase();
        });
        assertThat(upper.of("a")).isEqualTo("A");
        assertThat(upper.of(new String("a"))).isEqualTo("A");
        assertThat(calls).hasValue(1);
        upper.of("b");
        upper.of("a");
        // "b" is the least recently used when "c" comes
        upper.of("c");
        assertThat(calls).hasValue(3);
        upper.of("a");
        assertThat(calls).hasValue(3);
        upper.of("b");
        assertThat(calls).hasValue(4);
    }

    @Test
    void aFailedReadingIsThrownAsItWasAndKeepsNothing() throws IOException {
        Memo<String, String> read = new Memo<>(4);
        IOException failure = new IOException("disk gone");
        assertThatThrownBy(() -> read.ofReading("a", () -> {
            throw failure;
        })).isSameAs(failure);
        assertThat(read.size()).isZero();
        assertThat(read.ofReading("a", () -> "A")).isEqualTo("A");
        assertThat(read.ofReading("a", () -> {
            throw failure;
        })).as("kept: not read again").isEqualTo("A");
    }

    @Test
    void withoutAFunctionTheCallerComputesAndTheArgumentKeeps() {
        AtomicInteger calls = new AtomicInteger();
        Memo<String, Integer> lengths = new Memo<>(1);
        assertThat(lengths.of("ab", () -> calls.incrementAndGet() + 1)).isEqualTo(2);
        // kept: the second way of computing it is not asked
        assertThat(lengths.of("ab", () -> -1)).isEqualTo(2);
        assertThat(lengths.of("c", () -> calls.incrementAndGet() * 10)).isEqualTo(20);
        assertThat(lengths.of("ab", () -> 7)).isEqualTo(7);
        assertThat(calls).hasValue(2);
    }
}
