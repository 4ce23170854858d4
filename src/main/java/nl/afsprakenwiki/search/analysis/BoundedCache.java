package nl.afsprakenwiki.search.analysis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A thread-safe memo with a size cap. When the cap is reached the whole map is dropped instead of
 * evicting entries one by one: the vocabulary of the wiki is small and recurs constantly, so the
 * cache refills within a few documents, and dropping needs no locks or bookkeeping on the hot path.
 */
final class BoundedCache<K, V> {
  private final int maxSize;
  private final Map<K, V> map;

  BoundedCache(int maxSize) {
    this.maxSize = maxSize;
    this.map = new ConcurrentHashMap<>(Math.min(maxSize, 1 << 16));
  }

  V get(K key, Function<K, V> compute) {
    V value = map.get(key);
    if (value == null) {
      value = compute.apply(key);
      if (map.size() >= maxSize) {
        map.clear();
      }
      map.put(key, value);
    }
    return value;
  }

  int size() {
    return map.size();
  }
}
