/**
 * The fapiao (发票) of a paid sale: buyer, lines with brand, spec and colour at the actual unit
 * price, amount = quantity x unit price exactly, net, tax and 价税合计 in figures and uppercase,
 * issuer and payee. Numbers are gapless per store; an issued invoice is never edited: it is voided
 * (kept forever, its number used) and a new one issued; one issued after the sale's day says 补开.
 */
package org.guitai.store.invoice;
