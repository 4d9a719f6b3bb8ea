-- Per-study aggregates the tracker maintains in the transaction of every trial state change (issue 17), so
-- studies lists, study headers and "best" never read a study's trials. Version 6.1 (Java) fills them for
-- existing studies. first_*: the first feasible COMPLETE trial by number (its value NaN or not); best_*: the
-- feasible COMPLETE trial with the best non-NaN value, ties by number. study_front: the Pareto front of a
-- study with several objectives, while front_stale is false (a NaN value makes readers compute it).
CREATE TABLE study_aggregates (
    study_id          BIGINT  NOT NULL PRIMARY KEY REFERENCES studies (study_id),
    waiting_count     INTEGER NOT NULL,
    running_count     INTEGER NOT NULL,
    complete_count    INTEGER NOT NULL,
    pruned_count      INTEGER NOT NULL,
    fail_count        INTEGER NOT NULL,
    infeasible_count  INTEGER NOT NULL,
    last_ns           BIGINT,
    first_id          BIGINT,
    first_number      INTEGER,
    first_nan         BOOLEAN NOT NULL,
    best_id           BIGINT,
    best_number       INTEGER,
    best_value        DOUBLE PRECISION,
    best_marker       VARCHAR(4),
    front_stale       BOOLEAN NOT NULL
);

CREATE TABLE study_front (
    study_id  BIGINT NOT NULL REFERENCES studies (study_id),
    trial_id  BIGINT NOT NULL REFERENCES trials (trial_id),
    PRIMARY KEY (study_id, trial_id)
);
