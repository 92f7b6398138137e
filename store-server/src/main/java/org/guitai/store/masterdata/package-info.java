/**
 * The demo's sample data: catalog, opening stock, staff and terminals read from CSV files in
 * {@code config/store/sample}. Loaded only when {@code guitai.sample-data} names the folder, which
 * only the demo command does; loading again keeps what the store already has (stock, sales).
 */
package org.guitai.store.sample;
