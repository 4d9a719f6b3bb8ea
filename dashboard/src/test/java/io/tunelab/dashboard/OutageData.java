package io.tunelab.dashboard;

import io.tunelab.dashboard.data.DashboardData;
import io.tunelab.search.storage.StorageException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A dashboard's data whose database can be stopped: while {@link #down} is set, every call fails as the tracker does
 * for an unreachable database (UNAVAILABLE, {@link #MESSAGE}); while {@link #busy} is set, as it does when every pooled
 * connection stayed in use (a busy UNAVAILABLE, {@link #BUSY_MESSAGE}); otherwise it reads {@code real}. Counts the
 * calls made while down or busy.
 */
public final class OutageData {
    /** What the tracker says of a database it could not reach for its outage tolerance (the password redacted). */
    public static final String MESSAGE = "database jdbc:postgresql://db:5432/tunelab?password=*** unreachable for 3 s"
            + " (connection refused)";

    /** What the tracker says when no pooled connection came free within its busy wait. */
    public static final String BUSY_MESSAGE = "database busy: all 3 connections of this process stayed in use for 30 s";

    public volatile boolean down;
    public volatile boolean busy;
    public final AtomicInteger callsWhileDown = new AtomicInteger();
    private final DashboardData data;

    public OutageData(DashboardData real) {
        InvocationHandler handler = (proxy, method, args) -> {
            if ((down || busy) && method.getDeclaringClass() == DashboardData.class) {
                callsWhileDown.incrementAndGet();
                throw down ? new StorageException(StorageException.Kind.UNAVAILABLE, MESSAGE) : StorageException.busy(BUSY_MESSAGE);
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        this.data = (DashboardData) Proxy.newProxyInstance(DashboardData.class.getClassLoader(),
                new Class<?>[] {DashboardData.class}, handler);
    }

    /** The data to hand the dashboard. */
    public DashboardData data() {
        return data;
    }
}
