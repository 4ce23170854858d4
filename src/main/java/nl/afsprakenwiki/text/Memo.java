package nl.afsprakenwiki.text;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The last answers of a function that depends on nothing but its argument (a comparison of two
 * texts, the paragraphs of a text), kept by that argument; the least recently used are dropped first.
 * Two threads that miss the same argument at once may both compute it: the answers are equal.
 * Without a function, each caller says how to compute an answer its argument decides (when that needs
 * things that must not be kept with it, such as an open index). A {@link #weighed} memo also keeps
 * its answers' total weight (bytes, say) within a bound.
 */
public final class Memo<K, V> {

    private final Function<K, V> function;
    private final int size;
    private final ToLongFunction<V> weigher;
    private final long maxWeight;
    /** Guarded by this memo's lock, as is {@link #weight}. */
    private final LinkedHashMap<K, V> kept = new LinkedHashMap<>(64, 0.75f, true);
    private long weight;

    /** Answers computed by the callers of {@link #of(Object, Supplier)}. */
    public Memo(int size) {
        this(size, null);
    }

    public Memo(int size, Function<K, V> function) {
        this(size, function, null, Long.MAX_VALUE);
    }

    private Memo(int size, Function<K, V> function, ToLongFunction<V> weigher, long maxWeight) {
        this.function = function;
        this.size = size;
        this.weigher = weigher;
        this.maxWeight = maxWeight;
    }

    /**
     * Answers computed by the callers, at most {@code size} of them and at most {@code maxWeight}
     * together as {@code weigher} weighs each (the least recently used dropped first).
     */
    public static <K, V> Memo<K, V> weighed(int size, ToLongFunction<V> weigher, long maxWeight) {
        return new Memo<>(size, null, weigher, maxWeight);
    }

    /** The function's answer for {@code argument}, kept or computed now. */
    public V of(K argument) {
        return of(argument, () -> function.apply(argument));
    }

    /** The answer for {@code argument}, kept or computed now by {@code compute}. */
    public V of(K argument, Supplier<V> compute) {
        V answer = kept(argument);
        if (answer == null) {
            answer = compute.get();
            keep(argument, answer);
        }
        return answer;
    }

    /** A computation that reads files (an index, say) and may fail doing so. */
    @FunctionalInterface
    public interface Reading<V> {
        V read() throws IOException;
    }

    /**
     * The answer for {@code argument}, kept or read now by {@code read}; when reading fails, its
     * failure is thrown as it was and nothing is kept.
     */
    public V ofReading(K argument, Reading<V> read) throws IOException {
        V answer = kept(argument);
        if (answer == null) {
            answer = read.read();
            keep(argument, answer);
        }
        return answer;
    }

    /** How many answers are kept. */
    public synchronized int size() {
        return kept.size();
    }

    /** The kept answer for {@code argument}, or null. */
    private synchronized V kept(K argument) {
        return kept.get(argument);
    }

    private synchronized void keep(K argument, V answer) {
        V old = kept.put(argument, answer);
        if (weigher != null) {
            weight += weigher.applyAsLong(answer) - (old == null ? 0 : weigher.applyAsLong(old));
        }
        for (var eldest = kept.values().iterator(); (kept.size() > size || weight > maxWeight) && eldest.hasNext(); ) {
            V dropped = eldest.next();
            if (weigher != null) {
                weight -= weigher.applyAsLong(dropped);
            }
            eldest.remove();
        }
    }
}
