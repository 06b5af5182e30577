/**
 * Step 3 of the pipeline: intent classification, the contract and the features.
 *
 * <p>{@link dev.kefu.intent.IntentTrainer} turns labeled utterances into a classifier;
 * {@link dev.kefu.intent.IntentClassifier} ranks intents for the tokens of one message.
 * {@link dev.kefu.intent.IntentFeatures} is the one feature set every classifier uses, and
 * {@link dev.kefu.intent.FeatureIndex} finds those features in a model without building their
 * strings. The classifiers live in sub-packages, one per technology: {@code maxent} (OpenNLP, the
 * shipped one), {@code linear} (liblinear) and {@code ensemble} (the two combined);
 * {@code embedding} holds the {@link dev.kefu.intent.SentenceEncoder} that liblinear can add.
 * Depends only on {@code dev.kefu.text}. {@link dev.kefu.intent.PassThroughFeatureGenerator} is
 * the one OpenNLP class here: saved model files name it, so it keeps its package.
 */
package dev.kefu.intent;
