package nl.afsprakenwiki.db;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Keeps read models (an agreement with its current revision, the lists on the home page) in
 * memory and serves them for as long as nothing was committed to the database since they were
 * loaded. Any commit - by this process or another - invalidates every entry, so a cached answer is
 * never older than the last commit; wiki writes are rare and reads are many.
 *
 * <p>The stamp is taken before loading, so a commit that races with a load leaves the entry under
 * the old stamp and the next request reloads it. Requests that miss the same entry at the same stamp
 * wait for one load instead of each loading it: after a commit, a busy page would otherwise be read
 * from the database by every request that arrives while the first is still reading it.
 */
public final class ReadCache<K, V> {

    private record Entry<V>(long stamp, V value) {
    }

    private record Loading<K>(K key, long stamp) {
    }

    private final Database db;
    private final Map<K, Entry<V>> entries;
    private final Map<Loading<K>, FutureTask<V>> loading = new ConcurrentHashMap<>();

    public ReadCache(Database db, int maxEntries) {
        this.db = db;
        this.entries = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > maxEntries;
            }
        });
    }

    public V get(K key, Supplier<V> loader) {
        long stamp = db.changeStamp();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.stamp() == stamp) {
            return entry.value();
        }
        Loading<K> load = new Loading<>(key, stamp);
        FutureTask<V> mine = new FutureTask<>(loader::get);
        FutureTask<V> running = loading.putIfAbsent(load, mine);
        if (running == null) {
            try {
                mine.run();
                V value = result(mine);
                entries.put(key, new Entry<>(stamp, value));
                return value;
            } finally {
                loading.remove(load, mine);
            }
        }
        return result(running);
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
