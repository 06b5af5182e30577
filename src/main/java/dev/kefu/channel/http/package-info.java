/**
 * The HTTP channel: the JSON API ({@code /api/messages}, transcripts, live events), health and
 * metrics, the studio's decision log export and review inbox, and the web assets (demo page,
 * embeddable widget, console, inbox). Javalin is imported here only.
 * Depends on {@code dialog} and {@code handoff} through their interfaces.
 */
package dev.kefu.channel.http;
