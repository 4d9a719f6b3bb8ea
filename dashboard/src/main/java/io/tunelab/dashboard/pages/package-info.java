/**
 * The dashboard's HTML pages: one shell holding the head every page shares (with the ECharts version Maven
 * puts in from the root POM), filled once with each page's fragment and served from memory, plain or gzipped.
 * The scripts and styles the pages load stay static files. Depends on Javalin only.
 */
package io.tunelab.dashboard.pages;
