package nl.afsprakenwiki.db;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Keeps read models (an agreement with its current revision, the lists on the home page) in
 * memory and serves them for as long as no commit since they were loaded - by this process or
 * another - changed what they were read from, so a cached answer is never older than the last commit.
 *
 * <p>What a value was read from is recorded while it loads ({@link Reads}: the tables its statements
 * name, and what the kept values it used were read from); each commit's changes come from the change
 * log ({@link ChangeLog}). A cache whose loader reads, of the tables that refer to agreements, only
 * the rows of one agreement says so ({@link #perAgreement}): then a commit that changed other
 * agreements' rows leaves its values in place. Saving one agreement no longer empties the kept pages
 * of all the others.
 *
 * <p>The stamp is taken before loading, so a commit that races with a load leaves the entry under
 * the old stamp and the next request checks it again. Requests that miss the same entry at the same
 * stamp wait for one load instead of each loading it: after a commit, a busy page would otherwise be
 * read from the database by every request that arrives while the first is still reading it.
 *
 * <p>With {@code -Dafsprakenwiki.readCache.verify=true} (the test suite runs so) every value carried
 * past a commit that the change log says did not touch it is loaded again and compared; a difference
 * while no further commit intervened is an error: a loader that reads something its recorded
 * dependencies miss.
 */
public final class ReadCache<K, V> {

    static final boolean VERIFY = Boolean.getBoolean("afsprakenwiki.readCache.verify");

    private record Entry<V>(long stamp, V value, Reads reads) {
    }

    private record Loading<K>(K key, long stamp) {
    }

    private final Database db;
    private final Function<K, Long> agreementOf;
    private final boolean verify;
    private final Map<K, Entry<V>> entries;
    /** What a value weighs (e.g. its bytes), and how much all kept values may weigh together. */
    private final ToLongFunction<V> weigher;
    private final long maxWeight;
    /** The weight of the kept values; guarded by {@code entries}' lock. */
    private long weight;
    private final Map<Loading<K>, FutureTask<Reads.Loaded<V>>> loading = new ConcurrentHashMap<>();

    public ReadCache(Database db, int maxEntries) {
        this(db, maxEntries, null, VERIFY);
    }

    private ReadCache(Database db, int maxEntries, Function<K, Long> agreementOf, boolean verify) {
        this(db, maxEntries, agreementOf, verify, value -> 0, Long.MAX_VALUE);
    }

    private ReadCache(Database db, int maxEntries, Function<K, Long> agreementOf, boolean verify,
                      ToLongFunction<V> weigher, long maxWeight) {
        this.db = db;
        this.agreementOf = agreementOf;
        this.verify = verify;
        this.weigher = weigher;
        this.maxWeight = maxWeight;
        this.entries = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                if (size() > maxEntries) {
                    weight -= weigher.applyAsLong(eldest.getValue().value());
                    return true;
                }
                return false;
            }
        });
    }

    /**
     * A cache that also keeps its values' total weight ({@code weigher}, e.g. bytes) at most
     * {@code maxWeight}, dropping the least recently used; a value heavier than that is not kept.
     */
    public static <K, V> ReadCache<K, V> weighed(Database db, int maxEntries, ToLongFunction<V> weigher, long maxWeight) {
        return new ReadCache<>(db, maxEntries, null, VERIFY, weigher, maxWeight);
    }

    /** {@link #weighed} that never verifies: for the test of the weights, whose loaders count their calls. */
    static <K, V> ReadCache<K, V> weighedUnverified(Database db, int maxEntries, ToLongFunction<V> weigher, long maxWeight) {
        return new ReadCache<>(db, maxEntries, null, false, weigher, maxWeight);
    }

    /** How much the kept values weigh together (see {@link #weighed}). */
    long weight() {
        synchronized (entries) {
            return weight;
        }
    }

    /** Keeps a loaded value, dropping the least recently used while the kept values weigh too much. */
    private void keep(K key, Entry<V> entry) {
        long added = weigher.applyAsLong(entry.value());
        if (added > maxWeight) {
            return;
        }
        synchronized (entries) {
            Entry<V> replaced = entries.remove(key);
            if (replaced != null) {
                weight -= weigher.applyAsLong(replaced.value());
            }
            weight += added;
            entries.put(key, entry);
            for (var eldest = entries.entrySet().iterator(); weight > maxWeight && eldest.hasNext(); ) {
                Entry<V> dropped = eldest.next().getValue();
                eldest.remove();
                weight -= weigher.applyAsLong(dropped.value());
            }
        }
    }

    /**
     * A cache whose loader reads, of the tables that refer to agreements (a foreign key to
     * {@code agreement}, and {@code agreement} itself), only rows that refer to agreement
     * {@code agreementOf(key)}: its values stay when a commit changes only other agreements' rows.
     */
    public static <K, V> ReadCache<K, V> perAgreement(Database db, int maxEntries, Function<K, Long> agreementOf) {
        return new ReadCache<>(db, maxEntries, agreementOf, VERIFY);
    }

    /** A cache that never verifies: for tests whose loaders count their calls, so differ each time by design. */
    static <K, V> ReadCache<K, V> unverified(Database db, int maxEntries, Function<K, Long> agreementOf) {
        return new ReadCache<>(db, maxEntries, agreementOf, false);
    }

    /** A cache that always verifies, whatever the system property says: for the test of the check itself. */
    static <K, V> ReadCache<K, V> verifying(Database db, int maxEntries, Function<K, Long> agreementOf) {
        return new ReadCache<>(db, maxEntries, agreementOf, true);
    }

    public V get(K key, Supplier<V> loader) {
        long stamp = db.changeStamp();
        Entry<V> entry = entries.get(key);
        boolean carried = false;
        // a value loaded after this request took its stamp (a later one) is newer than it needs: served as it is
        if (entry != null && entry.stamp() < stamp) {
            if (db.changes().untouched(entry.stamp(), stamp, entry.reads())) {
                Entry<V> moved = new Entry<>(stamp, entry.value(), entry.reads());
                entries.replace(key, entry, moved);
                entry = moved;
                carried = true;
            } else {
                entry = null;
            }
        }
        if (entry != null) {
            // a value carried past commits is what the change log vouches for: that is what is checked
            // (one served at the stamp it was loaded at was read after the last commit anyway)
            if (verify && carried) {
                verify(key, entry, loader);
            }
            Reads.include(entry.reads());
            return entry.value();
        }
        Loading<K> load = new Loading<>(key, stamp);
        Set<Long> scope = agreementOf == null ? null : Set.of(agreementOf.apply(key));
        FutureTask<Reads.Loaded<V>> mine = new FutureTask<>(() -> Reads.record(scope, loader));
        FutureTask<Reads.Loaded<V>> running = loading.putIfAbsent(load, mine);
        if (running == null) {
            try {
                mine.run();
                Reads.Loaded<V> loaded = result(mine);
                keep(key, new Entry<>(stamp, loaded.value(), loaded.reads()));
                return loaded.value();
            } finally {
                loading.remove(load, mine);
            }
        }
        Reads.Loaded<V> loaded = result(running);
        Reads.include(loaded.reads());
        return loaded.value();
    }

    /** Loads the value again and fails when it differs from the kept one while no commit intervened. */
    private void verify(K key, Entry<V> entry, Supplier<V> loader) {
        V fresh = Reads.unrecorded(loader);
        if (!Objects.equals(fresh, entry.value()) && db.changes().stamp() == entry.stamp()) {
            throw new IllegalStateException("a kept read is stale: key " + key + " read " + entry.reads()
                    + "; kept " + entry.value() + ", now " + fresh);
        }
    }

    private static <V> V result(FutureTask<V> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            // the loader's own exception, as if this request had run it
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a read", e);
        }
    }
}
