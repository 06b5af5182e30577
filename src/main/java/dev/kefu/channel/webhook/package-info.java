/**
 * Messaging platforms: the WeChat Official Account protocol (signature, message crypto of 安全模式
 * and 兼容模式, safe XML, the menu file), the signed generic JSON webhook, and the outbox that
 * delivers agent replies to the platforms in order per user, with retries, an attempt limit and
 * dead letters. No web framework here: the routes live in {@code channel.http}, the SQL in
 * {@code store}.
 */
package dev.kefu.channel.webhook;
