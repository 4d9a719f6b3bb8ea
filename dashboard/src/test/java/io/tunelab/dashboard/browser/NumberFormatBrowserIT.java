package io.tunelab.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.search.storage.InMemoryStorage;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pages' number format ({@code TL.fmt} in common.js), as the tables and tooltips show values. */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class NumberFormatBrowserIT {
    static DashboardServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        server = new DashboardServer(new StorageDashboardData(new InMemoryStorage(), 0), 0).start();
        browser = new Browser(800, 600);
        browser.open("http://127.0.0.1:" + server.port() + "/");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.stop();
    }

    private static List<Object> formatted(double... values) {
        StringBuilder list = new StringBuilder();
        for (double v : values) {
            list.append(list.isEmpty() ? "" : ",").append(v);
        }
        @SuppressWarnings("unchecked")
        List<Object> shown = (List<Object>) browser.js("return [" + list + "].map(v => TL.fmt(v))");
        return shown;
    }

    @Test
    void valuesHaveSixSignificantDigitsWithoutTrailingZerosAfterThePoint() {
        assertThat(formatted(0.0010471534, 12.5, 1234.0001, 128)).containsExactly("0.00104715", "12.5", "1234", "128");
    }

    @Test
    void aValueThatRoundsToAWholeNumberKeepsTheZerosBeforeThePoint() {
        assertThat(formatted(100000.4, 958299.5, -4999.9999)).containsExactly("100000", "958300", "-5000");
    }

    @Test
    void verySmallAndVeryLargeValuesAreExponential() {
        assertThat(formatted(3e-5, 25_000_000.5)).containsExactly("3.0000e-5", "2.5000e+7");
    }
}
