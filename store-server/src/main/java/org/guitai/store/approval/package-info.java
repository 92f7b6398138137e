/**
 * A store manager's one-shot approval of an action the cashier may not take alone (price override,
 * discount above the limit, voiding a confirmed line or an invoice, a return, a no-sale drawer
 * opening, a cash difference): bound to its action and sale, usable once, expiring after minutes.
 */
package org.guitai.store.approval;
