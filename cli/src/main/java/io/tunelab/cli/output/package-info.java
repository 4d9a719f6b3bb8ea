/** Rendering command results as aligned text tables, CSV or JSON. */
package io.tunelab.cli.output;
