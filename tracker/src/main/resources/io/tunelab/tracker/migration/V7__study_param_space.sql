-- The search space a study's trials used (issue 17: the study page's /space walked every trial): one row per
-- parameter name and distribution, with the first trial (by number) that set the parameter so and the
-- parameter's position in that trial. Maintained when a trial sets a parameter; filled here for existing studies.
CREATE TABLE study_param_dists (
    study_id           BIGINT       NOT NULL REFERENCES studies (study_id),
    param_name         VARCHAR(200) NOT NULL,
    distribution_json  VARCHAR      NOT NULL,
    first_number       INTEGER      NOT NULL,
    first_order        INTEGER      NOT NULL
);
CREATE INDEX study_param_dists_by_name ON study_param_dists (study_id, param_name);

INSERT INTO study_param_dists (study_id, param_name, distribution_json, first_number, first_order)
SELECT t.study_id, p.param_name, p.distribution_json, MIN(t.trial_number), 0
FROM trial_params p JOIN trials t ON t.trial_id = p.trial_id
GROUP BY t.study_id, p.param_name, p.distribution_json;

UPDATE study_param_dists SET first_order = (
    SELECT p.param_order FROM trials t JOIN trial_params p ON p.trial_id = t.trial_id
    WHERE t.study_id = study_param_dists.study_id AND t.trial_number = study_param_dists.first_number
      AND p.param_name = study_param_dists.param_name);
