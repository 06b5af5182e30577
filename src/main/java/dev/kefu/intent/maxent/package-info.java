/**
 * The shipped intent classifier: OpenNLP's L-BFGS maxent doccat model over
 * {@link dev.kefu.intent.IntentFeatures}, saved byte-for-byte reproducibly to {@code models/}.
 * The only package besides {@link dev.kefu.intent.PassThroughFeatureGenerator} that imports
 * OpenNLP. Depends on {@code dev.kefu.intent} and {@code dev.kefu.text}.
 */
package dev.kefu.intent.maxent;
