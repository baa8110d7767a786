/**
 * The Java SDK of Bourse: {@link dev.bourse.client.BourseClient} for the public, trade and account API (the BITFRONT
 * Open API), {@link dev.bourse.client.BourseAdminClient} for the admin API, each with an asynchronous form.
 *
 * <p>Results are immutable records with money as {@link java.math.BigDecimal}, IDs as {@code long} and times in ms
 * since the epoch. A statusCode other than 1000 raises {@link dev.bourse.client.BourseException} with its
 * {@link dev.bourse.client.StatusCode}. Only requests that are safe to repeat are retried; an order whose outcome
 * is unknown raises {@link dev.bourse.client.OutcomeUnknownException} and is never re-sent. The client keeps to the
 * key's rate limits and corrects for the offset between its clock and the server's. See docs/CLIENT.md.
 */
package dev.bourse.client;
