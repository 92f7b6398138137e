/**
 * Who may read and run the chain at HQ: analysts and admins with passwords, and their sessions.
 * Guessing is throttled per staff code (a growing delay, then a temporary lock), the same way for
 * codes that exist and codes that do not.
 */
package org.guitai.hq.staff;
