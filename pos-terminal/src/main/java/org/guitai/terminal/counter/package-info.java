/**
 * The counter's way to its store server: the cashier page calls the terminal, which passes each
 * call through to the store with the cashier's session token, and says clearly when the store is
 * out of reach. The journal and offline queue will sit behind this boundary.
 */
package org.guitai.terminal.counter;
