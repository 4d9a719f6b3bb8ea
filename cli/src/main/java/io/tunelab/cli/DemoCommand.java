package io.tunelab.cli;

import io.tunelab.cli.output.PortConverter;
import io.tunelab.cli.error.CliException;
import io.tunelab.cli.output.Numbers;
import io.tunelab.cli.query.StorageUrlOption;
import io.tunelab.cli.registry.Promotion;
import io.tunelab.cli.run.SlotPlan;
import io.tunelab.cli.run.RunSummary;
import io.tunelab.cli.run.StudyRunner;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.cli.wiring.TribuoTrainers;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.search.exec.SlotPool;
import io.tunelab.search.study.MultiObjective;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.tracker.setup.Tracker;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tunelab demo}: the main job. Searches MLP architectures and hyperparameters on Fashion-MNIST
 * (TPE + ASHA, two trials at a time) with the dashboard running, prints a summary, registers the best
 * model as {@code fashion-mlp@production}, then keeps the dashboard up until Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the Fashion-MNIST demo study with the dashboard, then register the best model.",
                "The study file is examples/fashion-demo.yaml; running again resumes it."})
final class DemoCommand implements Callable<Integer> {
    static final String STUDY_FILE = "/io/tunelab/cli/demo/fashion-demo.yaml";
    static final String MODEL = "fashion-mlp";

    @Mixin
    StorageUrlOption storage;

    @Option(names = "--port", defaultValue = "8080", converter = PortConverter.class,
            description = "Dashboard port (default: ${DEFAULT-VALUE}; "
            + "a free one if taken).")
    int port;

    @Option(names = "--no-wait", description = "Exit after the summary instead of keeping the dashboard up.")
    boolean noWait;

    @Spec
    CommandSpec spec;

    private final Wiring wiring;
    private final UnaryOperator<String> studyFile;

    DemoCommand(Wiring wiring) {
        this(wiring, UnaryOperator.identity());
    }

    /** A demo whose study file is {@code studyFile} applied to the bundled one (tests shrink data and budget). */
    DemoCommand(Wiring wiring, UnaryOperator<String> studyFile) {
        this.wiring = wiring;
        this.studyFile = studyFile;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        String text = studyFile.apply(resource());
        StudySpec study = new StudySpecParser(TribuoTrainers.specCatalog()).parse(text, "fashion-demo.yaml");
        try (Tracker tracker = wiring.openTracker(storage.access())) {
            StudyRunner runner = new StudyRunner(study, text, tracker.storage(), wiring.trainers(), wiring.devices());
            SlotPlan plan = runner.plan();
            runner.dataSource().ifPresent(out::println);
            out.flush();
            MultiObjective objective = runner.objective(plan);
            DashboardServer dashboard = startDashboard(tracker);
            out.println("Dashboard: " + dashboard.url() + "  (open it to watch the study live)");
            out.flush();
            SlotPool slots = plan.slots();
            boolean fresh = tracker.storage().findStudy(study.study()).isEmpty();
            Study created = runner.create(true);
            if (fresh) {
                created.enqueueTrial(baseline(), Map.of("note", "the book's hand-designed baseline"));
            }
            long deadline = System.currentTimeMillis() + study.budget().timeout().toMillis();
            Study done = runner.run(created, objective, slots, deadline, out, System.console() != null);
            summarize(out, tracker, done);
            if (!noWait) {
                out.println("The dashboard stays up at " + dashboard.url() + " - Ctrl-C to stop.");
                out.flush();
                CountDownLatch forever = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown, "tunelab-demo-stop"));
                forever.await();
            }
            dashboard.stop();
        }
        return ExitCodes.OK;
    }

    private DashboardServer startDashboard(Tracker tracker) {
        try {
            return DashboardCommand.start(tracker, wiring.trainers(), "mcnemar", 0.95, DashboardServer.DEFAULT_HOST, port, null);
        } catch (CliException busy) {
            return DashboardCommand.start(tracker, wiring.trainers(), "mcnemar", 0.95, DashboardServer.DEFAULT_HOST, 0, null);
        }
    }

    /** The book's chapter-10 MLP with a better optimiser: a known-good first trial, as Optuna users enqueue. */
    static Map<String, Object> baseline() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("n_hidden", 2);
        p.put("n_units_l0", 300);
        p.put("n_units_l1", 100);
        p.put("activation", "relu");
        p.put("initializer", "he");
        p.put("dropout", 0.0);
        p.put("optimizer", "adam");
        p.put("learning_rate", 1e-3);
        p.put("batch_size", 64);
        return p;
    }

    private void summarize(PrintWriter out, Tracker tracker, Study done) {
        out.println();
        out.println(RunSummary.counts(done) + " Best trials:");
        out.print(RunSummary.summary(done, 5).text());
        FrozenTrial best = done.bestTrial();
        Object test = best.userAttrs().get("test_evaluation");
        if (test instanceof Map<?, ?> m && m.get("accuracy") instanceof Number acc) {
            out.println("Best trial " + best.number() + ": validation accuracy " + Numbers.compact(best.value())
                    + ", test accuracy " + Numbers.compact(acc.doubleValue()) + " on 10,000 test images.");
        }
        Promotion.Outcome o = new Promotion(tracker, wiring.trainers()).promote(new Promotion.Request(done.name(), null,
                MODEL, "production", "mcnemar", 0.95, false, "tunelab demo", System.getProperty("user.name", "demo")));
        out.println(o.moved() ? "Registered " + MODEL + " v" + o.version().version() + " as " + MODEL + "@production."
                : "The best trial is not significantly better than " + MODEL + "@production (v" + o.previous() + "; "
                + o.verdict().reason() + "): production stays, nothing was registered.");
        out.println("Serve it:  ./tunelab serve " + MODEL + "@production --port 8090");
        out.flush();
    }

    private static String resource() {
        try (InputStream in = DemoCommand.class.getResourceAsStream(STUDY_FILE)) {
            if (in == null) {
                throw new IllegalStateException("the demo study file " + STUDY_FILE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the demo study file: " + e.getMessage(), e);
        }
    }
}
