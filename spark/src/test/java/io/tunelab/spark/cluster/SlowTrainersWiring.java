package io.tunelab.spark.cluster;

import io.tunelab.cli.DefaultWiring;
import io.tunelab.cli.wiring.StorageAccess;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Objective;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * The real wiring with every trainer's trials lasting at least {@value #TRIAL_MILLIS} ms more, so that an
 * executor killed with {@code kill -9} dies in the middle of a trial. Executors build it by name
 * ({@code spark.tunelab.wiring}).
 */
public final class SlowTrainersWiring implements Wiring {
    static final long TRIAL_MILLIS = 2_500;

    private final DefaultWiring real = new DefaultWiring();

    @Override
    public TrialStorage openStorage(String url) {
        return real.openStorage(url);
    }

    @Override
    public TrialStorage openStorage(StorageAccess access) {
        return real.openStorage(access);
    }

    @Override
    public List<TrainerFactory> trainers() {
        return real.trainers().stream().map(SlowTrainersWiring::slow).toList();
    }

    /** {@code trainer} whose objectives sleep after training; every other method forwarded. */
    private static TrainerFactory slow(TrainerFactory trainer) {
        return (TrainerFactory) Proxy.newProxyInstance(TrainerFactory.class.getClassLoader(),
                new Class<?>[] {TrainerFactory.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(trainer, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof Objective objective) {
                        return (Objective) trial -> {
                            double value = objective.evaluate(trial);
                            Thread.sleep(TRIAL_MILLIS);
                            return value;
                        };
                    }
                    return result;
                });
    }
}
