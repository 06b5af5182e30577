/**
 * The desk's reports for admins: conversations, how many the bot resolved, handoffs by reason,
 * response and handle times, satisfaction by agent, over a period. Storage behind
 * {@link dev.kefu.report.DeskReports}; depends on nothing but the JDK.
 */
package dev.kefu.report;
