package io.tunelab.search.trial;

import java.util.List;
import java.util.Map;

/**
 * A view of another study that changes only which trials it lists: name, directions and attributes are
 * the underlying study's. Implementations provide {@link #study()} and {@link #trials(java.util.Set)}.
 */
public interface FilteredStudyView extends StudyView {

    /** The underlying study. */
    StudyView study();

    @Override
    default long studyId() {
        return study().studyId();
    }

    @Override
    default String name() {
        return study().name();
    }

    @Override
    default List<Direction> directions() {
        return study().directions();
    }

    @Override
    default Map<String, Object> systemAttrs() {
        return study().systemAttrs();
    }
}
