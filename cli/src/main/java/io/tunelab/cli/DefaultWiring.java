package io.tunelab.cli;

import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.TrialStorage;

/** The wiring {@code tunelab} runs with: concrete classes of every module. */
public final class DefaultWiring implements Wiring {

    @Override
    public TrialStorage openStorage(String url) {
        if (url.startsWith("memory:")) {
            return new InMemoryStorage();
        }
        throw new IllegalArgumentException(
                "--storage: no storage handles '" + url + "'; expected a jdbc:h2:... or jdbc:postgresql:... URL");
    }
}
