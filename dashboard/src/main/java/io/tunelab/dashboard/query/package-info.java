/**
 * The trials table's query side: a small filter language ({@link io.tunelab.dashboard.query.FilterParser}),
 * field references shared by filters and sort keys, and server-side filtering, sorting and paging of
 * table rows. Depends on {@code dashboard.data} records and {@code search}'s trial package.
 */
package io.tunelab.dashboard.query;
