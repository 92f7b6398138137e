/**
 * Receiving the stores' events exactly once: each event's (store, event id) enters the inbox in
 * the same transaction as its effects, so a redelivered event changes nothing and is acknowledged again.
 */
package org.guitai.hq.ingest;
