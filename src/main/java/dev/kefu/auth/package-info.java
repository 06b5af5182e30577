/**
 * Agent accounts: who may work the desk, with which role, and the sessions they log in with.
 * Channel-neutral (no HTTP here); storage is behind {@link dev.kefu.auth.AccountStore}. Depends on
 * nothing but the JDK.
 */
package dev.kefu.auth;
