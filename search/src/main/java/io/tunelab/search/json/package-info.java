/**
 * Reading stored JSON into plain Java values without a data-binding library (see {@link io.tunelab.search.json.UntypedJson}).
 * Depends on nothing else of the module.
 */
package io.tunelab.search.json;
