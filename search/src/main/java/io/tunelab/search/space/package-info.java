/** Distributions (immutable, self-validating values with internal and JSON forms) and the unit-cube transform. */
package io.tunelab.search.space;
