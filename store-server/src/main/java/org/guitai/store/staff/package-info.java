/**
 * Who may work at this store's counters: staff with roles and PINs, the terminals enrolled here,
 * and the sessions that tie a logged-in staff member to one terminal.
 */
package org.guitai.store.staff;
