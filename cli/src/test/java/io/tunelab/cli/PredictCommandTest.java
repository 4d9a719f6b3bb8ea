package io.tunelab.cli;

import static io.tunelab.cli.CliInvocation.tunelab;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import io.tunelab.trainers.predict.ModelFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code tunelab predict MODEL@ALIAS --input x.csv}: batch predictions of a CSV file, as {@code mlflow models predict}. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PredictCommandTest {
    private static final String HEADER = "x0,x1,x2,x3,x4,x5,group";

    @TempDir
    Path dir;
    Path tracker;

    @BeforeEach
    void runAStudyAndPromoteItsFirstTrial() throws Exception {
        Path file = CartStudyFile.named("batch").trials(1).writeTo(dir);
        tracker = dir.resolve("tracker");
        CliInvocation.Result run = tunelab("run", file.toString(), "--storage", tracker.toString());
        assertThat(run.code()).as(run.err()).isZero();
        CliInvocation.Result promoted = tunelab("promote", "batch", "--model", "m", "--alias", "production", "--storage",
                tracker.toString());
        assertThat(promoted.code()).as(promoted.err()).isZero();
    }

    @Test
    void everyRowComesBackWithItsPrediction() throws Exception {
        Path input = Files.writeString(dir.resolve("x.csv"), HEADER + "\n0.1,-1,0.5,2,0,1,g0\n3,1,,0,-2,1,\n");
        Path output = dir.resolve("y.csv");

        CliInvocation.Result r = tunelab("predict", "m@production", "--input", input.toString(), "--output",
                output.toString(), "--storage", tracker.toString());

        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(output);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).as("a tree gives no probabilities").isEqualTo(HEADER + ",prediction");
        assertThat(lines.get(1)).startsWith("0.1,-1,0.5,2,0,1,g0,");
        assertThat(lines.get(2)).startsWith("3,1,,0,-2,1,,");
        assertThat(r.err()).contains("Wrote 2 predictions of m v1 to " + output);

        CliInvocation.Result stdout = tunelab("predict", "m", "1", "-i", input.toString(), "--storage", tracker.toString());
        assertThat(stdout.code()).as(stdout.err()).isZero();
        assertThat(stdout.out().lines().toList()).isEqualTo(lines);
    }

    @Test
    void aColumnTheModelDoesNotTakeIsCarriedOverAsServeIgnoresIt() throws Exception {
        Path input = Files.writeString(dir.resolve("x.csv"), "id," + HEADER + "\nrow-a,0.1,-1,0.5,2,0,1,g0\n");

        CliInvocation.Result r = tunelab("predict", "m@production", "-i", input.toString(), "--storage", tracker.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).hasSize(2).first().isEqualTo("id," + HEADER + ",prediction");
        assertThat(r.out().lines().toList().get(1)).startsWith("row-a,0.1,-1,0.5,2,0,1,g0,");
    }

    @Test
    void aBadCellIsNamedByItsLineAndColumn() throws Exception {
        Path input = Files.writeString(dir.resolve("x.csv"), HEADER + "\n0.1,-1,0.5,2,0,1,g0\n0.1,oops,0.5,2,0,1,g0\n");

        CliInvocation.Result r = tunelab("predict", "m@production", "--input", input.toString(), "--storage",
                tracker.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("--input " + input + ": line 3, column 'x1' must be a number or missing (empty),"
                + " got 'oops'").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void windowsForAModelThatIsNotASeriesIsRefusedInOneLineNamingTheModelsKind() throws Exception {
        Path input = Files.writeString(dir.resolve("x.csv"), HEADER + "\n0.1,-1,0.5,2,0,1,g0\n");

        CliInvocation.Result r = tunelab("predict", "m@production", "-i", input.toString(), "--windows", "all", "--storage",
                tracker.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err().strip()).isEqualTo("predict: --windows applies to series models; m v1 is a classification model of"
                + " named columns: leave out --windows");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void theModelsMlmodelNamesTheLibraryFlavorAndTheStudyFilesTrainer() throws Exception {
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker))) {
            long trial = t.registry().version("m", 1).source().trialId();
            ArtifactRef mlmodel = t.storage().artifacts(trial).stream().filter(a -> a.name().equals(ModelFormat.ARTIFACT))
                    .findFirst().orElseThrow();

            ModelFormat format = ModelFormat.read(Path.of(mlmodel.uri()));

            assertThat(format.flavor()).isEqualTo("tribuo");
            assertThat(format.trainer()).isEqualTo("tribuo-cart");
        }
    }

    @Test
    void aHeaderLackingColumnsIsRefusedNamingEveryOne() throws Exception {
        Path input = Files.writeString(dir.resolve("x.csv"), "x0,x1,x2,x5,group\n0.1,-1,0.5,1,g0\n");

        CliInvocation.Result r = tunelab("predict", "m@production", "--input", input.toString(), "--storage",
                tracker.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("--input " + input + ": the header lacks the columns 'x3', 'x4' the model needs")
                .doesNotContain("send null").doesNotContain("line 2");
    }

    @Test
    void aChangedOrMissingModelFileIsNamedBeforeAnyLoaderReadsIt() throws Exception {
        Path input = Files.writeString(dir.resolve("x.csv"), HEADER + "\n0.1,-1,0.5,2,0,1,g0\n");
        Path model;
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker))) {
            model = t.artifacts().resolve(t.registry().version("m", 1).source().artifact());
        }
        String logged = ArtifactRef.sha256Of(model);
        Files.write(model, new byte[] {8, 1, 2, 3});

        CliInvocation.Result changed = tunelab("predict", "m@1", "--input", input.toString(), "--storage", tracker.toString());
        assertThat(changed.code()).isNotZero();
        assertThat(changed.err()).contains("checksum mismatch: expected sha256 " + logged + ", got "
                + ArtifactRef.sha256Of(model)).doesNotContain("wire type");

        Files.delete(model);
        CliInvocation.Result gone = tunelab("predict", "m@1", "--input", input.toString(), "--storage", tracker.toString());
        assertThat(gone.err()).contains("is gone: no such file " + model);
    }
}
