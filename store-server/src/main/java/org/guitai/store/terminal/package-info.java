/**
 * Which terminals may speak for themselves while the store is away: each enrols an Ed25519 key
 * (the first at the terminal, a replacement only by a store manager), and its signed requests are
 * taken on the few calls an offline counter needs. Also what each terminal last said it still has
 * to send, which keeps its shift from closing before its sales are in.
 */
package org.guitai.store.terminal;
