/**
 * Returns and exchanges: what of a paid sale may come back (sold minus returned, under the sale's
 * lock), for what reason and who bears its cost, who must approve it, what the inspection did with
 * the goods (stock changes once per line), and how much goes back to which tender (pro rata to the
 * fen, last paid first refunded, never more than was paid).
 */
package org.guitai.store.returns;
