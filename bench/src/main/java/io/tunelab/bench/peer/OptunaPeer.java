package io.tunelab.bench.peer;

import io.tunelab.search.SearchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The command lines of the shipped Optuna peer, {@code bench/optuna_peer.py}: {@code optuna:tpe}
 * stands for {@code PYTHON bench/optuna_peer.py --sampler tpe}, where PYTHON is Debian's
 * {@code /usr/bin/python3} (which has {@code python3-optuna}) when it exists, else {@code python3}.
 */
public final class OptunaPeer {
    /** The samplers the peer offers. */
    public static final List<String> SAMPLERS = List.of("random", "tpe", "tpe-multivariate", "cmaes", "nsga2");
    private static final String PREFIX = "optuna:";

    private OptunaPeer() {
    }

    /** The Python interpreter to run peers with. */
    public static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    /**
     * {@code spec} itself, or for {@code optuna:NAME} the command running the shipped peer with sampler
     * NAME; {@code script} is the path of {@code optuna_peer.py}.
     */
    public static String command(String spec, Path script) {
        if (!spec.startsWith(PREFIX)) {
            return spec;
        }
        String sampler = spec.substring(PREFIX.length());
        if (!SAMPLERS.contains(sampler)) {
            throw new SearchException("unknown Optuna peer sampler '" + sampler + "', expected one of " + SAMPLERS);
        }
        if (!Files.isRegularFile(script)) {
            throw new SearchException("peer '" + spec + "' needs " + script + "; run from the project root or give "
                    + "the full command with --peer");
        }
        return python() + " " + script + " --sampler " + sampler;
    }
}
