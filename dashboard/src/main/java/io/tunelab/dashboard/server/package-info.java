/**
 * The dashboard web server: puts the JSON API, the live updates and the pages together on one Javalin
 * server. Depends on the dashboard's other packages; none of them depends on it.
 */
package io.tunelab.dashboard.server;
