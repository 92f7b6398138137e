/**
 * What the chain has sold and given back: sales (gross), returns and refunds per store and in total over a range of
 * business dates, and each member's month (net sales after refunds, the staff-error returns attributed to them).
 */
package org.guitai.hq.report;
