/**
 * The store's day and its reports: the 销售日报 and its weekly and monthly sums, read from the
 * posted sales and closed shifts of the period; the day close once every shift of the day is
 * closed; the monthly target and its split across staff (目标分解). Sales are credited to the
 * sales associate named on the sale, else to the cashier.
 */
package org.guitai.store.report;
