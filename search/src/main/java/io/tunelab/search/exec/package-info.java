/** Execution slots ({@code cpu:0}, {@code gpu:1}) and the pool running trials borrow them from. Depends on nothing else. */
package io.tunelab.search.exec;
