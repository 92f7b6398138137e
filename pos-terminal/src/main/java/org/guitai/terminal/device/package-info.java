/**
 * The counter's devices: the scanner, the receipt printer, the cash drawer and the customer's line
 * display, driven through the standard JavaPOS controls opened by logical name from jpos.xml, so a
 * store swaps in its vendor's device services by editing that file alone. It decides when the
 * drawer opens (a cash payment, an approved no-sale) and refuses a cash payment while it is open,
 * what the printer prints (the paid slip, the invoice, copies) without ever holding up a sale, and
 * what the line display shows (the customer display's two lines).
 */
package org.guitai.terminal.device;
