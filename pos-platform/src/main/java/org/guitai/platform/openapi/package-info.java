/**
 * What each server's OpenAPI document at {@code /openapi} promises: that a standard validator
 * accepts it, that every operation has a unique, stable id, and that every schema says what JSON-B
 * writes (a UUID is a string of format uuid, a {@code long} an integer of format int64). Payara
 * Micro builds the document from the code; the filter here corrects it in one place, so a resource
 * added later is covered without annotations of its own.
 */
package org.guitai.platform.openapi;
