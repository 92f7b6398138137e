/**
 * The counter flow of one sale: open, order lines, confirm, take tenders with the cash checks
 * (查 amount due, 数 count, 验 reject suspect notes, 唱 announce change), stamp the paid slip and
 * complete; completing records the event HQ will receive.
 */
package org.guitai.store.sale;
