package io.tunelab.cli.wiring;

import io.tunelab.spec.StudySpec;
import io.tunelab.trainers.predict.Predictor;
import java.nio.file.Path;

/**
 * A trainer that is a real one with a changed objective: tests extend it and override
 * {@link #create}; everything else goes to the delegate.
 */
public abstract class ForwardingTrainerFactory implements TrainerFactory {
    protected final TrainerFactory delegate;

    protected ForwardingTrainerFactory(TrainerFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean handles(String name) {
        return delegate.handles(name);
    }

    @Override
    public EffectiveConfiguration configuration(StudySpec spec) {
        return delegate.configuration(spec);
    }

    @Override
    public int firstStep() {
        return delegate.firstStep();
    }

    @Override
    public String flavor() {
        return delegate.flavor();
    }

    @Override
    public String modelArtifact() {
        return delegate.modelArtifact();
    }

    @Override
    public Predictor load(Path artifact) {
        return delegate.load(artifact);
    }

    @Override
    public double[] testScores(StudySpec spec, Predictor model) {
        return delegate.testScores(spec, model);
    }
}
