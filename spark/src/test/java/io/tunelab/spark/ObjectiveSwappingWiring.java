package io.tunelab.spark;

import io.tunelab.cli.DefaultWiring;
import io.tunelab.cli.wiring.StorageAccess;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Objective;
import io.tunelab.trainers.device.DeviceInventory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * The real wiring whose trainers' objectives tests change ({@link #objective}): slower, failing, instant.
 * Spark tasks build a subclass by name ({@code spark.tunelab.wiring}), so subclasses are public with a public
 * no-argument constructor.
 */
public abstract class ObjectiveSwappingWiring implements Wiring {
    private final DefaultWiring real = new DefaultWiring();

    /** What a trial of any trainer runs instead of {@code trained}, the trainer's own objective. */
    protected abstract Objective objective(Objective trained);

    @Override
    public TrialStorage openStorage(String url) {
        return real.openStorage(url);
    }

    @Override
    public TrialStorage openStorage(StorageAccess access) {
        return real.openStorage(access);
    }

    @Override
    public DeviceInventory devices() {
        return real.devices();
    }

    @Override
    public List<TrainerFactory> trainers() {
        return real.trainers().stream().map(this::swapped).toList();
    }

    /** {@code trainer} with its objectives swapped; every other method forwarded. */
    private TrainerFactory swapped(TrainerFactory trainer) {
        return (TrainerFactory) Proxy.newProxyInstance(TrainerFactory.class.getClassLoader(),
                new Class<?>[] {TrainerFactory.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(trainer, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    return result instanceof Objective trained ? objective(trained) : result;
                });
    }
}
