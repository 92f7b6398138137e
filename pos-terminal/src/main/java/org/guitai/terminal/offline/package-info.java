/**
 * The counter keeps selling when the store is away: finished sales are handed to the terminal,
 * which journals them, sends them when the store answers and otherwise keeps them in a queue on
 * its disk, replayed in order and exactly once (the store acknowledges each sale id before the
 * terminal lets go of it). Cash sales are priced and paid here from the catalog snapshot while the
 * store is away; a sale the store refuses is kept with its reason for the manager.
 */
package org.guitai.terminal.offline;
