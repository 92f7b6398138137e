/**
 * The fapiao (发票) of a paid sale: buyer, lines with brand, spec and colour at the actual unit
 * price, amount = quantity x unit price exactly, net, tax and 价税合计 in figures and uppercase,
 * issuer and payee. Numbers are gapless per store; an issued invoice is never edited: it is voided
 * (kept forever, its number used) and a new one issued; one issued after the sale's day says 补开.
 * A refunded return of an invoiced sale gets a red-letter invoice (红字发票): the next number of the
 * same sequence, citing the original, which stays as it is, with negative amounts and 负 before its
 * uppercase total; the red-letter invoices of an original never take back more than it was.
 */
package org.guitai.store.invoice;
