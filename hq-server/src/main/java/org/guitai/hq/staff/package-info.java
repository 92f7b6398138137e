/** Who may read and run the chain at HQ: analysts and admins with passwords, and their sessions. */
package org.guitai.hq.staff;
