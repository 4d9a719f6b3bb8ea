package io.tunelab.cli.query;

import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.text.Suggestions;

/** Finding a study by the name a user typed. Stateless. */
public final class Studies {
    private Studies() {
    }

    /**
     * The study called {@code name}.
     *
     * @throws StorageException NOT_FOUND naming it, with the closest stored name when one is close enough to be a typo
     */
    public static StudyRecord named(TrialStorage storage, String name) {
        return storage.findStudy(name).orElseThrow(() -> StorageException.notFound("no study named '" + name + "'"
                + Suggestions.didYouMean(name, storage.studies().stream().map(StudyRecord::name).toList())
                + "; `tunelab studies` lists the studies"));
    }
}
