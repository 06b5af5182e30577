/**
 * Versions of the studio's knowledge base: trained in the background, evaluated, kept whole in
 * the database, published through the regression gate ({@link dev.kefu.studio.version.Gate}) or
 * rolled back, and the hit test of a message against two versions. {@link
 * dev.kefu.studio.version.Versions} is the front door; training and loading models are wired in
 * {@code cli} behind {@link dev.kefu.studio.version.Trainer} and {@link
 * dev.kefu.studio.version.HitTest.Runner}. Depends on {@code dev.kefu.studio} and {@code dialog};
 * never on HTTP or JDBC.
 */
package dev.kefu.studio.version;
