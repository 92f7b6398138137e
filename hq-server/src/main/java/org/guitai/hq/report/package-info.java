/** What the chain has sold: per store and in total, over a range of business dates. */
package org.guitai.hq.report;
