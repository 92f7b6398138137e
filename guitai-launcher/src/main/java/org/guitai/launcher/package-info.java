/**
 * The launcher behind {@code ./guitai}: starts the whole chain for the demo (embedded MariaDB, HQ,
 * store S001, terminal T1, sample data) or one component against an existing MariaDB, as separate
 * Payara Micro processes. It is none of the three applications it runs and is built after them.
 */
package org.guitai.launcher;
