/**
 * Who may call a Tunelab HTTP server: the bearer token a server bound beyond loopback asks for, the
 * decision whether an address is loopback, and the first request a server answers. Shared by the
 * dashboard and {@code tunelab serve}, which have no other common module. Depends on nothing else.
 */
package io.tunelab.search.access;
