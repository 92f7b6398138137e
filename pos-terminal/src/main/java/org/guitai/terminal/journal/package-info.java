/**
 * The terminal's electronic journal: every finished sale, void, no-sale and payment, forced to disk
 * before the cashier's screen reports success, kept across restarts, and chained by SHA-256 so
 * that an edited or deleted line shows.
 */
package org.guitai.terminal.journal;
