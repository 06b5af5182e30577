/**
 * Users' ratings of the bot's answers (helpful or not) and the per-FAQ counts that show the team
 * which answers fail. Depends on nothing in kefu but plain Java; the SQL adapter lives in
 * {@code dev.kefu.store}, the HTTP routes in {@code dev.kefu.channel.http}.
 */
package dev.kefu.feedback;
