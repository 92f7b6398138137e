/**
 * The wire records of the store-to-HQ contract. The store writes them into its outbox in the same
 * transaction as the business rows; HQ reads them into its inbox once per (store, event id).
 * Amounts are decimal strings at the currency's scale, quantities decimal strings, instants ISO-8601 UTC.
 */
package org.guitai.kernel.contract;
