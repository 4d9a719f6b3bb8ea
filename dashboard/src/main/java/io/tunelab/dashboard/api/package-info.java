/**
 * The JSON API under {@code /api}: one routes class per resource, request-parameter parsing, JSON views of
 * trials and of the model registry's records, CSV export, the error table and the access guard. Depends on
 * {@code dashboard.data}, {@code dashboard.query}, {@code dashboard.analysis}, the tracker's record
 * packages and Javalin.
 */
package io.tunelab.dashboard.api;
