/**
 * The launcher behind {@code ./guitai}: starts the whole chain for the demo (embedded MariaDB, HQ,
 * store S001, terminal T1, sample data) or one component against an existing MariaDB, as separate
 * Payara Micro processes. It lives beside the terminal because the terminal is the top of the chain
 * and the module built last; it is not part of the terminal's WAR.
 */
package org.guitai.terminal.chain;
