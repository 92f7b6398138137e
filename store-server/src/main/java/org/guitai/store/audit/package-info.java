/**
 * The append-only record of every approval, void, override, failed login and delivery change:
 * who asked, who approved, what, when (UTC) and from which terminal. Rows are only ever
 * inserted; the database refuses updates and deletes.
 */
package org.guitai.store.audit;
