/**
 * Studies: create or load, ask/tell, optimize over execution slots, best trials. The only package that ties
 * samplers, pruners and storage together.
 */
package io.tunelab.search.study;
