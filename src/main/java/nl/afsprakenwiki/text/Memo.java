package nl.afsprakenwiki.text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The last answers of a function that depends on nothing but its argument (a comparison of two
 * texts, the paragraphs of a text), kept by that argument; the least recently used are dropped first.
 * Two threads that miss the same argument at once may both compute it: the answers are equal.
 * Without a function, each caller says how to compute an answer its argument decides (when that needs
 * things that must not be kept with it, such as an open index).
 */
public final class Memo<K, V> {

    private final Function<K, V> function;
    private final Map<K, V> kept;

    /** Answers computed by the callers of {@link #of(Object, Supplier)}. */
    public Memo(int size) {
        this(size, null);
    }

    public Memo(int size, Function<K, V> function) {
        this.function = function;
        this.kept = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        });
    }

    /** The function's answer for {@code argument}, kept or computed now. */
    public V of(K argument) {
        return of(argument, () -> function.apply(argument));
    }

    /** The answer for {@code argument}, kept or computed now by {@code compute}. */
    public V of(K argument, Supplier<V> compute) {
        V answer = kept.get(argument);
        if (answer == null) {
            answer = compute.get();
            kept.put(argument, answer);
        }
        return answer;
    }
}
