package io.tunelab.dashboard.data;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small least-recently-used cache for values that never change once computed (snapshots of finished
 * trials, their series). Thread-safe (one lock); null values are not stored.
 *
 * @param <K> key
 * @param <V> value
 */
public final class LruCache<K, V> {
    private final Map<K, V> map;

    /** A cache holding at most {@code capacity} entries. */
    public LruCache(int capacity) {
        this.map = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value cached for {@code key}, or null. */
    public synchronized V get(K key) {
        return map.get(key);
    }

    public synchronized void put(K key, V value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
