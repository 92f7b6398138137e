/**
 * Getting the store's facts to HQ without losing or doubling any: events are written to the outbox
 * in the same transaction as the business rows, and a relay posts them in order until HQ
 * acknowledges each id.
 */
package org.guitai.store.sync;
