/**
 * YAML study files: the {@link io.tunelab.cli.spec.StudySpec} model, its strict parser
 * ({@link io.tunelab.cli.spec.StudySpecParser}) and the search space as a define-by-run function
 * ({@link io.tunelab.cli.spec.SpaceDefinition}). Depends on {@code search} (distributions, trials,
 * slots) and SnakeYAML's node API only; the format is documented in {@code docs/study-files.md}.
 *
 * <p>Every problem is a {@link io.tunelab.cli.spec.SpecProblem} with file, line, column and field
 * path; a file with problems raises one {@link io.tunelab.cli.spec.SpecValidationException} holding
 * all of them. No other exception escapes the parser, whatever the input.
 */
package io.tunelab.cli.spec;
