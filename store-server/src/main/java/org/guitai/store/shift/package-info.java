/**
 * Shifts and the cash office: a terminal sells within its one open shift, opened with a counted
 * float; every tender, movement and no-sale posts to the shift's running ledger; the close is a
 * blind count by denomination, compared with the expected cash, graded with the company's error
 * levels and, beyond the authorised limit, approved by a manager. A closed shift never changes.
 */
package org.guitai.store.shift;
