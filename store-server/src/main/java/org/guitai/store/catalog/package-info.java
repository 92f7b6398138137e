/**
 * What the store sells and how many it holds: products with their VAT-inclusive shelf price and
 * VAT rate, found by barcode, SKU or text, and the stock on hand per product.
 */
package org.guitai.store.catalog;
