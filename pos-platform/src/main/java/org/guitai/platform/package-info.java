/**
 * What every Guitai server needs and no business rule decides: how a refusal is answered, how a
 * caller is recognised, how the schema is brought up to date. It depends on no feature of any
 * server; each server plugs its own rows and sessions in behind small interfaces.
 */
package org.guitai.platform;
