package io.tunelab.cli;

import static io.tunelab.cli.CliInvocation.tunelab;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code tunelab download MODEL VERSION --dir D} copies a version's files, checked against their logged SHA-256. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DownloadCommandTest {
    @TempDir
    Path dir;

    /** The tracker of a one-trial study {@code study} whose trial is version 1 of model m, aliased production. */
    private Path runOneTrialAndPromoteItAsM(String study) throws Exception {
        Path tracker = dir.resolve("tracker");
        Path file = CartStudyFile.named(study).trials(1).writeTo(dir);
        assertThat(tunelab("run", file.toString(), "--storage", tracker.toString()).code()).isZero();
        assertThat(tunelab("promote", study, "--model", "m", "--storage", tracker.toString()).code()).isZero();
        return tracker;
    }

    @Test
    void theModelItsEncoderAndItsRegistryEntryAreCopiedAndChecked() throws Exception {
        Path tracker = runOneTrialAndPromoteItAsM("dl");
        Path out = dir.resolve("out");

        CliInvocation.Result r = tunelab("download", "m", "v1", "--dir", out.toString(), "--storage", tracker.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("model.tribuo")).exists();
        assertThat(out.resolve("encoder.json")).exists();
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker))) {
            ArtifactRef model = t.registry().version("m", 1).source().artifact();
            assertThat(ArtifactRef.sha256Of(out.resolve("model.tribuo"))).isEqualTo(model.sha256());
            assertThat(r.out()).contains("sha256 " + model.sha256());
        }
        JsonNode meta = new ObjectMapper().readTree(out.resolve("version.json").toFile());
        assertThat(meta.get("model").asText()).isEqualTo("m");
        assertThat(meta.get("version").asInt()).isEqualTo(1);
        assertThat(meta.get("model_file").asText()).isEqualTo("model.tribuo");

        CliInvocation.Result again = tunelab("download", "m", "1", "--dir", out.toString(), "--storage", tracker.toString());
        assertThat(again.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(again.err()).contains("already holds");
    }

    @Test
    void aVersionIsNamedByItsAliasAsServeAndPredictNameIt() throws Exception {
        Path tracker = runOneTrialAndPromoteItAsM("dla");

        CliInvocation.Result byAlias = tunelab("download", "m@production", "--dir", dir.resolve("a").toString(),
                "--storage", tracker.toString());
        CliInvocation.Result pinned = tunelab("download", "m@1", "--dir", dir.resolve("p").toString(),
                "--storage", tracker.toString());
        CliInvocation.Result typo = tunelab("download", "m@prodution", "--dir", dir.resolve("t").toString(),
                "--storage", tracker.toString());

        assertThat(byAlias.code()).as(byAlias.err()).isZero();
        assertThat(new ObjectMapper().readTree(dir.resolve("a").resolve("version.json").toFile()).get("version").asInt())
                .isEqualTo(1);
        assertThat(pinned.code()).as(pinned.err()).isZero();
        assertThat(typo.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(typo.err()).contains("has no alias 'prodution'").contains("production (v1)");
    }
}
