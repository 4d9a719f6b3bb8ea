package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.bench.peer.OptunaPeer;
import io.tunelab.bench.samplers.BenchProblems;
import io.tunelab.bench.samplers.SamplerCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {

    private static String run(int expectedCode, String... args) {
        CommandLine cmd = TunelabCommand.commandLine();
        StringWriter out = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(out));
        assertThat(cmd.execute(args)).as("exit code of tunelab %s", String.join(" ", args)).isEqualTo(expectedCode);
        return out.toString();
    }

    @Test
    void benchSamplersQuickPrintsTheTableAndWritesTheContractCsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("quick.csv");
        String out = run(0, "bench", "samplers", "--quick", "--out", csv.toString());
        assertThat(out).contains("med@25").contains("zdt1").contains("tpe");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("problem,sampler,seed,trials,regret,sampler_ms_per_trial");
        // 3 samplers x 2 problems x 2 seeds x 2 budgets: TPE runs ZDT1 too, since it optimises several objectives
        assertThat(lines).hasSize(25).anyMatch(line -> line.startsWith("zdt1,tpe,"));
    }

    @Test
    void benchSamplersRunsHeldOutSeedsFromTheFirstSeedOn(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("held-out.csv");
        run(0, "bench", "samplers", "--problems", "branin", "--samplers", "random", "--first-seed", "11",
                "--seeds", "2", "--trials", "10", "--out", csv.toString());
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.subList(1, rows.size())).extracting(line -> line.split(",")[2]).containsExactly("11", "12");
    }

    @Test
    void everyBenchmarkThatTakesSamplersListsEverySamplerOfTheCatalogueInItsHelp() {
        for (String bench : List.of("samplers", "ask-cost", "bbob")) {
            String help = run(0, "bench", bench, "--help").replaceAll("\\s+", " ");
            for (String name : SamplerCatalog.names()) {
                assertThat(help).as("help of bench %s", bench).containsPattern("[ ,(]" + Pattern.quote(name) + "[,.) ]");
            }
        }
    }

    @Test
    void benchSamplersListsEveryProblemInItsHelp() {
        String help = run(0, "bench", "samplers", "--help").replaceAll("\\s+", " ");
        for (String problem : BenchProblems.names()) {
            assertThat(help).contains(problem);
        }
        assertThat(help).contains("'classic'");
    }

    @Test
    void benchSamplersRunsAnOptunaPeerSideBySideDefineByRunAndWithSeveralObjectivesToo(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("peers.csv");
        String out = run(0, "bench", "samplers", "--problems", "branin,hpo_mixed,zdt1", "--samplers", "random", "--seeds", "2",
                "--trials", "6", "--peer", OptunaPeer.command("optuna:random", Path.of("..", "bench", "optuna_peer.py")),
                "--out", csv.toString());
        assertThat(out).doesNotContain("peers skip").contains("median regret at the budget over each peer's")
                .containsPattern("branin +random +[0-9.]+\\n").containsPattern("hpo_mixed +random +[0-9.]+\\n")
                .contains("random: median at most the best peer's on ");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).filteredOn(l -> l.startsWith("branin,optuna-random,")).hasSize(2);
        assertThat(lines).filteredOn(l -> l.startsWith("hpo_mixed,optuna-random,")).hasSize(2);
        assertThat(lines).filteredOn(l -> l.startsWith("zdt1,optuna-random,")).hasSize(2);
    }

    @Test
    void benchSamplersWithNoiseStatesEachProblemsNoiseScaleAndSkipsProblemsOfSeveralObjectives() {
        String out = run(0, "bench", "samplers", "--problems", "branin,zdt1", "--samplers", "random,tpe", "--seeds", "2",
                "--trials", "12", "--noise", "0.1");
        assertThat(out).contains("--noise skips zdt1: several objectives")
                .containsPattern("observation noise: sd = 0.1 x spread \\(branin [0-9.]+\\); regret = true value of the best"
                        + " observed trial - f\\*")
                .containsPattern("branin +tpe +[0-9.]+").doesNotContain("zdt1 ")
                .containsPattern("coordinate on a bound of the box .*\\)\\nproblem +random +tpe\\nbranin +[0-9]+% +[0-9]+%");
        assertThat(run(2, "bench", "samplers", "--problems", "branin", "--noise", "-1"))
                .contains("--noise must be a finite number >= 0").contains("got -1.0");
    }

    @Test
    void aFirstSeedBelowOneIsInvalidInputNamingTheValue() {
        assertThat(run(2, "bench", "samplers", "--problems", "branin", "--first-seed", "0"))
                .contains("first seed must be >= 1, got 0");
    }

    @Test
    void benchAskCostWritesOneRowPerSamplerAndHistory(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("ask.csv");
        assertThat(run(0, "bench", "ask-cost", "--samplers", "random,tpe", "--history", "10,30", "--dims", "4", "--asks", "2",
                "--out", csv.toString())).containsPattern("clock: wall, one read [0-9]+ ns");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0))
                .isEqualTo("sampler,history,dims,ms_per_ask,ms_in_delegate,ms_own,ms_paired_via,ms_paired_direct,objectives");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(4)).startsWith("tpe,30,4,").endsWith(",,,,,1");
    }

    @Test
    void benchAskCostTakesTheCpuClockAndRejectsAnUnknownOneNamingIt() {
        assertThat(run(0, "bench", "ask-cost", "--samplers", "random", "--history", "5", "--dims", "2", "--asks", "2",
                "--rounds", "1", "--clock", "cpu")).containsPattern("clock: cpu, one read [0-9]+ ns");
        assertThat(run(2, "bench", "ask-cost", "--samplers", "random", "--clock", "gpu"))
                .contains("clock must be wall or cpu, got 'gpu'");
    }

    @Test
    void benchAskCostRejectsAHistoryThatIsNotACountOfTrialsNamingTheOption() {
        assertThat(run(2, "bench", "ask-cost", "--samplers", "random", "--history", "100,-1"))
                .contains("--history").contains("expected >= 0, got -1");
        assertThat(run(2, "bench", "ask-cost", "--samplers", "random", "--history", "1x"))
                .contains("--history").contains("'1x'");
    }

    @Test
    void anUnknownSamplerIsInvalidInputWithAMessageListingTheKnownOnes() {
        assertThat(run(2, "bench", "samplers", "--samplers", "cma-es", "--problems", "branin"))
                .contains("unknown sampler 'cma-es'").contains("tpe");
    }

    @Test
    void benchBbobPrintsATablePerDimensionAndWritesTheContractCsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bbob.csv");
        String out = run(0, "bench", "bbob", "--samplers", "qmc", "--functions", "1-2", "--dims", "2,3",
                "--instances", "1", "--trials", "8", "--out", csv.toString());
        assertThat(out).contains("D = 2").contains("D = 3").contains("f2 ellipsoid").contains("qmc").contains("8 runs in");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("function,dim,instance,sampler,trials,regret,normalized_regret,ms_per_trial,seed");
        assertThat(lines).hasSize(9);
    }

    @Test
    void benchBbobReportReportsRunsOfTwoCommandsTogetherAndPairsThemWithTheBase(@TempDir Path dir) throws Exception {
        Path qmc = dir.resolve("qmc.csv");
        Path tpe = dir.resolve("tpe.csv");
        run(0, "bench", "bbob", "--samplers", "qmc", "--functions", "1-2", "--dims", "2", "--instances", "1-2", "--trials", "8",
                "--first-run", "1", "--out", qmc.toString());
        String tpeOut = run(0, "bench", "bbob", "--samplers", "tpe", "--functions", "1-2", "--dims", "2", "--instances", "1-2",
                "--trials", "8", "--first-run", "1", "--base", "random", "--out", tpe.toString());
        List<String> tpeLines = Files.readAllLines(tpe);
        assertThat(tpeLines.subList(1, tpeLines.size())).allMatch(line -> line.endsWith(",1001") || line.endsWith(",1002"));
        assertThat(tpeOut).contains("against random on the same runs").containsPattern("tpe +medians +\\d+ / +\\d+ / +\\d+ +runs");
        String out = run(0, "bench", "bbob-report", qmc.toString(), tpe.toString(), "--base", "qmc");
        assertThat(out).contains("D = 2: median normalized regret").contains("f2 ellipsoid").contains("against qmc on the same runs")
                .containsPattern("random +medians +\\d+ / +\\d+ / +\\d+ +runs +\\d+ / +\\d+ / +\\d+")
                .containsPattern("tpe +medians").contains("12 runs from 2 files");
    }

    @Test
    void benchBbobReportWithBootstrapPrintsEachPeerCountWithItsRange(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("peer.csv");
        StringBuilder sb = new StringBuilder("function,dim,instance,sampler,trials,regret,normalized_regret,ms_per_trial,seed\n");
        for (int f = 1; f <= 2; f++) {
            for (int seed = 1; seed <= 6; seed++) {
                sb.append(f).append(",2,1,tpe,10,").append(0.1 * seed).append(",0,1,").append(seed).append('\n');
                sb.append(f).append(",2,1,optuna-tpe,10,").append(5.0 + seed).append(",0,1,").append(seed).append('\n');
                sb.append(f).append(",2,1,random,10,").append(9.0 + seed).append(",0,1,").append(seed).append('\n');
            }
        }
        Files.writeString(csv, sb.toString());
        String out = run(0, "bench", "bbob-report", csv.toString(), "--bootstrap", "100", "--bootstrap-seed", "3");
        assertThat(out).contains("5-95% range over 100 bootstrap resamples").contains("(seed 3)")
                .containsPattern("tpe +<= best peer:  2 \\(2-2\\)");
        assertThat(run(0, "bench", "bbob-report", csv.toString())).doesNotContain("bootstrap");
        assertThat(run(2, "bench", "bbob-report", csv.toString(), "--bootstrap", "-1"))
                .contains("--bootstrap must be a number of resamples >= 0 (0: none), got -1");
    }

    @Test
    void benchBbobReportOfAFileThatIsNotItsCsvIsInvalidInputNamingTheFile(@TempDir Path dir) throws Exception {
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "metric,value,unit\n");
        assertThat(run(2, "bench", "bbob-report", other.toString())).contains(other + ": expected the header");
        assertThat(run(2, "bench", "bbob", "--samplers", "tpe", "--base", "cmaes", "--trials", "5"))
                .contains("--base cmaes is not among the samplers run: tpe and random");
    }

    @Test
    void aBbobFunctionOutsideTheSuiteIsInvalidInputNamingTheValue() {
        assertThat(run(2, "bench", "bbob", "--functions", "20-25", "--trials", "5"))
                .contains("BBOB function must be 1..24, got 25");
        assertThat(run(2, "bench", "bbob", "--dims", "two")).contains("--dims must be numbers");
    }

    @Test
    void benchStorageWritesMetricValueUnitRows(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("storage.csv");
        String out = run(0, "bench", "storage", "--points", "20000", "--trials", "200", "--series", "5000",
                "--out", csv.toString());
        assertThat(out).contains("points/s").contains("trials/s");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("metric,value,unit");
        assertThat(lines.size()).isGreaterThan(3);
    }

    @Test
    void benchTensorBoardReportsWriteReadAndImportRates(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("tb.csv");
        String out = run(0, "bench", "tensorboard", "--runs", "2", "--steps", "500", "--out", csv.toString());
        assertThat(out).contains("tensorboard_import").contains("metric_ingest_same_points");
        assertThat(Files.readAllLines(csv)).hasSize(5);
    }

    @Test
    void helpListsTheBenchSubcommands() {
        assertThat(run(0, "bench", "--help")).contains("samplers").contains("ask-cost").contains("bbob");
    }

    @Test
    void anUnknownModelIsInvalidInput() {
        assertThat(run(2, "bench", "train", "--model", "resnet")).contains("--model must be mlp or cnn, got 'resnet'");
    }

    @Test
    void helpListsTheTrainSubcommand() {
        assertThat(run(0, "bench", "--help")).contains("train");
    }

    @Test
    void benchCsvRegressionReportsTheBestMlpTrialsTestRmseAgainstSigma() {
        String out = run(0, "bench", "csv-regression", "--rows", "200", "--trials", "1", "--epochs", "1", "--sigma", "0.5",
                "--seed", "3");
        assertThat(out).contains("200 rows, noise sigma 0.500, seed 3").contains("1 MLP trials (1 complete)")
                .contains("best trial's test RMSE").contains("test RMSE / sigma");
        assertThat(run(2, "bench", "csv-regression", "--sigma", "0")).contains("sigma 0.0");
    }

    @Test
    void benchImagesAndPeersRefuseBadOptionsAsInvalidInput() {
        assertThat(run(0, "bench", "--help")).contains("images").contains("peers");
        assertThat(run(2, "bench", "images", "--epochs", "0")).contains("0 epochs");
        assertThat(run(2, "bench", "peers", "--cases", "gru,transformer")).contains("unknown case 'transformer'");
        assertThat(run(2, "bench", "peers", "--threads", "0")).contains("--threads must be at least 1");
    }
}
