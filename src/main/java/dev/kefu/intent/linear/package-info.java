/**
 * The liblinear intent classifier (Crammer–Singer SVM on TF-IDF of
 * {@link dev.kefu.intent.IntentFeatures}, and optionally a sentence vector), a measured
 * alternative chosen with {@code --classifier liblinear} or {@code liblinear-bge}. The only
 * package that imports liblinear. Depends on
 * {@code dev.kefu.intent} and {@code dev.kefu.text}.
 */
package dev.kefu.intent.linear;
