/** Running a study from a study file: slots, budget, resume, progress, Ctrl-C, summary. */
package io.tunelab.cli.run;
