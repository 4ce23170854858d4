package nl.afsprakenwiki.text;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

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
}
