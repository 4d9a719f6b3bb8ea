/** Read-only commands over a storage: {@code studies}, {@code trials}, {@code best}, {@code compare}. */
package io.tunelab.cli.query;
