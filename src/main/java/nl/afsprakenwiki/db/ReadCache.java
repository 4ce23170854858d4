package nl.afsprakenwiki.db;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps read models (an agreement with its current revision, the lists on the home page) in
 * memory and serves them for as long as nothing was committed to the database since they were
 * loaded. Any commit - by this process or another - invalidates every entry, so a cached answer is
 * never older than the last commit; wiki writes are rare and reads are many.
 *
 * <p>The stamp is taken before loading, so a commit that races with a load leaves the entry under
 * the old stamp and the next request reloads it.
 */
public final class ReadCache<K, V> {

    private record Entry<V>(long stamp, V value) {
    }

    private final Database db;
    private final Map<K, Entry<V>> entries;

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
        V value = loader.get();
        entries.put(key, new Entry<>(stamp, value));
        return value;
    }
}
