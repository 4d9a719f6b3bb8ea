/** Pruners that stop unpromising trials early; each decision carries its evidence. */
package io.tunelab.search.pruner;
