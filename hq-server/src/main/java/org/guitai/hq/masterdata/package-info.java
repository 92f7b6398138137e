/**
 * HQ's master data imported at start-up: the chain's stores and HQ staff from a folder of CSV files
 * ({@code GUITAI_IMPORT_DIR}, {@code guitai.import-dir}; the demo names {@code config/hq/sample}), and
 * each store's credential from a file kept outside the repository ({@code GUITAI_STORE_CREDENTIALS_FILE},
 * {@code guitai.store-credentials-file}; the demo writes one into its home). Nothing is imported unless
 * the operator names them; an import only adds stores and staff HQ lacks.
 */
package org.guitai.hq.masterdata;
