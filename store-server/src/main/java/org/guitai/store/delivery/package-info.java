/**
 * Delivering a paid sale (送货): contact, phone, address and a time window, a delivery note, and
 * the status REQUESTED -> SCHEDULED -> OUT_FOR_DELIVERY -> DELIVERED or FAILED, each change
 * kept in the delivery's history and in the audit log. Customer data stays in the store.
 */
package org.guitai.store.delivery;
