package io.tunelab.cli.cluster;

import io.tunelab.spec.StudySpec;
import io.tunelab.cli.wiring.ForwardingTrainerFactory;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Objective;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * A real trainer slowed down so that a {@code kill -9} lands in the middle of a trial: it trains with
 * the delegate (which samples the parameters), then logs {@value #STEPS} points of the series
 * {@value #SERIES}, one every {@code stepMillis}. After each point it flushes the storage and prints
 * {@code ACK <trial number> <step>}: a point printed is a point the database acknowledged.
 */
final class PacedTrainers extends ForwardingTrainerFactory {
    static final String SERIES = "paced_loss";
    static final int STEPS = 6;

    private final Supplier<TrialStorage> storage;
    private final long stepMillis;
    private final PrintStream acks;

    PacedTrainers(TrainerFactory delegate, Supplier<TrialStorage> storage, long stepMillis, PrintStream acks) {
        super(delegate);
        this.storage = storage;
        this.stepMillis = stepMillis;
        this.acks = acks;
    }

    @Override
    public Objective create(StudySpec spec) {
        Objective trained = delegate.create(spec);
        return trial -> {
            double value = trained.evaluate(trial);
            for (int step = 0; step < STEPS; step++) {
                trial.log(SERIES, step, value + step);
                storage.get().flush();
                acks.println("ACK " + trial.number() + " " + step);
                acks.flush();
                Thread.sleep(stepMillis);
            }
            return value;
        };
    }
}
