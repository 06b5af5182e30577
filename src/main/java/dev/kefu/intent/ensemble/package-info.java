/**
 * The ensemble intent classifier ({@code --classifier ensemble}): a maxent and a liblinear model
 * trained on the same lines, their confidences averaged. It reads both members' weights through
 * their public accessors to build one table, and imports neither OpenNLP nor liblinear itself.
 */
package dev.kefu.intent.ensemble;
