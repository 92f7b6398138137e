/**
 * The terminal's own copy of the store's catalog: loaded whole once, then kept current by the
 * changes since its version, kept on disk across restarts, so that a barcode is found at the
 * counter while the store is away, as fast at 100,000 products as at 1,000.
 */
package org.guitai.terminal.catalog;
