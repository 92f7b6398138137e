/** The chain's stores, and the credential each store proves itself with when it delivers events. */
package org.guitai.hq.store;
