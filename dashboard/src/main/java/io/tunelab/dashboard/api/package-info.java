/**
 * The JSON API under {@code /api}: one routes class per resource, request-parameter parsing, JSON views of
 * trials, CSV export, the error table and the access guard. Depends on {@code dashboard.data},
 * {@code dashboard.query}, {@code dashboard.analysis} and Javalin.
 */
package io.tunelab.dashboard.api;
