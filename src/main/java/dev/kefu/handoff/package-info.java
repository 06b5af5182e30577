/**
 * The handoff to a person: tickets and the queue they wait in. Depends on nothing in kefu but
 * plain Java; the SQL adapter lives in {@code dev.kefu.store}.
 */
package dev.kefu.handoff;
