/**
 * The trials table's query side: server-side filtering, sorting and paging of table rows, with the filter
 * language and field references of {@code tracker.filter} (shared with {@code tunelab trials}) read through
 * {@link io.tunelab.dashboard.query.RowView}. Depends on {@code dashboard.data} records, {@code tracker.filter} and
 * {@code search}'s trial package.
 */
package io.tunelab.dashboard.query;
