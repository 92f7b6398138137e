/**
 * Getting the store's facts to HQ without losing or doubling any: events are written to the outbox
 * in the same transaction as the business rows, and a relay posts them in order until HQ
 * acknowledges each id. An event HQ refuses becomes a dead letter, kept with HQ's reason and left
 * out of the line so it cannot hold back the rest, until a store manager puts it back once HQ is
 * fixed; while HQ cannot be reached everything stays in line and the relay backs off.
 */
package org.guitai.store.sync;
