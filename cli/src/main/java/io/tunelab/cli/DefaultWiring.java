package io.tunelab.cli;

import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.cli.wiring.TribuoTrainers;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.TrialStorage;
import java.util.List;

/** The wiring {@code tunelab} runs with: concrete classes of every module. */
public final class DefaultWiring implements Wiring {

    @Override
    public TrialStorage openStorage(String url) {
        if (url.startsWith("memory:")) {
            return new InMemoryStorage();
        }
        throw new CliException(
                "--storage: no storage handles '" + url + "'; expected a jdbc:h2:... or jdbc:postgresql:... URL");
    }

    @Override
    public List<TrainerFactory> trainers() {
        return List.of(new TribuoTrainers());
    }
}
