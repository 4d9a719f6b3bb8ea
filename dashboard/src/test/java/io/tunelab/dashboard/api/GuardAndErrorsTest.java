package io.tunelab.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.DashboardException;
import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.StorageException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardAndErrorsTest {

    @Test
    void everyErrorKindHasAnHttpStatus() {
        for (StorageException.Kind kind : StorageException.Kind.values()) {
            assertThat(ErrorMapping.classify(new StorageException(kind, "x")).getKey()).isBetween(400, 599);
        }
        for (DashboardException.Kind kind : DashboardException.Kind.values()) {
            assertThat(ErrorMapping.classify(new DashboardException(kind, "x")).getKey()).isBetween(400, 599);
        }
        assertThat(ErrorMapping.classify(new DashboardException(DashboardException.Kind.NOT_CONFIGURED, "x")).getKey()).isEqualTo(501);
        assertThat(ErrorMapping.classify(StorageException.conflict("x")).getKey()).isEqualTo(409);
        assertThat(ErrorMapping.classify(new IllegalStateException("x")).getKey()).isEqualTo(500);
    }

    @Test
    void onlyLoopbackHostNamesPassTheRebindingCheck() {
        assertThat(List.of("localhost:7070", "127.0.0.1:80", "127.1.2.3", "[::1]:7070"))
                .allMatch(AccessGuard::isLoopbackHost);
        assertThat(List.of("evil.example:7070", "127.0.0.1.evil.example", "10.0.0.1:80"))
                .noneMatch(AccessGuard::isLoopbackHost);
    }

    @Test
    void aServerBoundBeyondLoopbackMakesATokenAndOnLoopbackNeedsNone() {
        StorageDashboardData data = new StorageDashboardData(new InMemoryStorage());
        assertThat(new DashboardServer(data, "0.0.0.0", 0, null).token()).hasSize(48);
        assertThat(new DashboardServer(data, "0.0.0.0", 0, "s3cret").token()).isEqualTo("s3cret");
        assertThat(new DashboardServer(data, 0).token()).isNull();
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertThat(CsvWriter.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.cell("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(CsvWriter.cell("-1.5")).isEqualTo("-1.5");
        assertThat(CsvWriter.cell("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(CsvWriter.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
        assertThat(CsvWriter.cell(null)).isEmpty();
    }
}
