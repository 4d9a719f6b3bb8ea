/** Progress of a running study on the terminal: a bar with best value and ETA, and the closing summary. */
package io.tunelab.cli.progress;
