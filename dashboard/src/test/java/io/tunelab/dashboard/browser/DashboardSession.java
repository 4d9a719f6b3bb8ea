package io.tunelab.dashboard.browser;

import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.search.storage.TrialStorage;

/** A dashboard over a storage on a free loopback port and a browser of 1400x1000 pixels, for a test class. */
record DashboardSession(DashboardServer server, Browser browser) implements AutoCloseable {

    static DashboardSession over(TrialStorage storage) {
        DashboardServer server = new DashboardServer(new StorageDashboardData(storage, 0), 0).start();
        return new DashboardSession(server, new Browser(1400, 1000));
    }

    /** The address of {@code path} ({@code /scalars.html?...}) on the dashboard. */
    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @Override
    public void close() {
        browser.close();
        server.stop();
    }
}
