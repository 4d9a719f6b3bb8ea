package io.tunelab.search.study;

import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.TrialStorage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory storage whose named operations fail as an unreachable database does (UNAVAILABLE, after the
 * storage's own outage tolerance) a given number of times, then work again: an outage without waiting for one.
 */
final class UnreachableStorage {
    private final InMemoryStorage real = new InMemoryStorage();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private volatile Duration tolerance;

    /** Makes the next {@code times} calls of the storage method {@code method} fail as unreachable. */
    UnreachableStorage failing(String method, int times) {
        failures.put(method, new AtomicInteger(times));
        return this;
    }

    /** Says that it waits out an outage for {@code d} itself (without waiting: it fails at once). */
    UnreachableStorage tolerating(Duration d) {
        tolerance = d;
        return this;
    }

    TrialStorage storage() {
        return (TrialStorage) Proxy.newProxyInstance(TrialStorage.class.getClassLoader(), new Class<?>[] {TrialStorage.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("outageTolerance")) {
                        return Optional.ofNullable(tolerance);
                    }
                    AtomicInteger left = failures.get(method.getName());
                    if (left != null && left.getAndDecrement() > 0) {
                        throw new StorageException(StorageException.Kind.UNAVAILABLE,
                                "database jdbc:test unreachable for 1 s (connection refused)");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
