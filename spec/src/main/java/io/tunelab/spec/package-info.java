/**
 * YAML study files: the {@link io.tunelab.spec.StudySpec} model, its strict parser
 * ({@link io.tunelab.spec.StudySpecParser}) and the search space as a define-by-run function
 * ({@link io.tunelab.spec.SpaceDefinition}). Depends on {@code search} (distributions, trials,
 * slots) and SnakeYAML's node API only; the format is documented in {@code docs/study-files.md}.
 *
 * <p>Every problem is a {@link io.tunelab.spec.SpecProblem} with file, line, column and field
 * path; a file with problems raises one {@link io.tunelab.spec.SpecValidationException} holding
 * all of them. No other exception escapes the parser, whatever the input.
 */
package io.tunelab.spec;
