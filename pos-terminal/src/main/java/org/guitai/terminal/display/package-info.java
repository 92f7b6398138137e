/**
 * What the customer sees of the sale at this counter: a greeting while the counter is idle, each
 * line and the running total, received and change (唱), and a thank-you. The cashier's screen
 * reports the sale; the customer display page and the line display show the same text.
 */
package org.guitai.terminal.display;
