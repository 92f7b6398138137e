/**
 * The cash drawer outside a sale: opening it with no sale (to give change for a note, say) needs a
 * manager's one-shot NO_SALE approval and is audited. Shifts and drawer counts build on this.
 */
package org.guitai.store.drawer;
