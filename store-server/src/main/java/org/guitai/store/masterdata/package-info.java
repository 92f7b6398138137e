/**
 * The store's master data imported at start-up from a folder of CSV files: the catalog, opening
 * stock, staff and enrolled terminals. A real store names its own folder with {@code GUITAI_IMPORT_DIR}
 * ({@code guitai.import-dir}); the demo names {@code config/store/sample}. Nothing is imported unless
 * a folder is named, and an import only adds what the store lacks: it never changes or duplicates a
 * product, stock level, staff member or terminal the store already has.
 */
package org.guitai.store.masterdata;
