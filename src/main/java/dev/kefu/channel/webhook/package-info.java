/**
 * Messaging platforms: the WeChat Official Account protocol (signature, safe XML), the signed
 * generic JSON webhook, inbound idempotency, and the outbox that delivers agent replies to the
 * platforms with retries. No web framework here: the routes live in {@code channel.http}, the SQL
 * in {@code store}.
 */
package dev.kefu.channel.webhook;
