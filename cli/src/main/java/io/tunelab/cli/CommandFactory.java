package io.tunelab.cli;

import io.tunelab.cli.wiring.Wiring;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Creates picocli command objects, handing the {@link Wiring} to those whose constructor takes it,
 * so commands receive their collaborators instead of building them.
 */
final class CommandFactory implements CommandLine.IFactory {
    private final Wiring wiring;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        for (Constructor<?> c : cls.getDeclaredConstructors()) {
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Wiring.class) {
                c.setAccessible(true);
                return cls.cast(c.newInstance(wiring));
            }
        }
        return fallback.create(cls);
    }
}
