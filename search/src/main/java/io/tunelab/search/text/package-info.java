/** Helpers for the wording of messages, shared by every module. Depends on nothing. */
package io.tunelab.search.text;
