/**
 * The demo's sample data at HQ: the chain's stores with the credentials the demo command generated,
 * and the HQ analyst. Loaded only when {@code guitai.sample-data} names the folder.
 */
package org.guitai.hq.sample;
