/**
 * The HTTP channel: the JSON API ({@code /api/messages}, transcripts, live events), health and
 * metrics, and the web assets (demo page, embeddable widget). Javalin is imported here only.
 * Depends on {@code dialog} and {@code handoff} through their interfaces.
 */
package dev.kefu.channel.http;
