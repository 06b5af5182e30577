/**
 * Step 3 of the pipeline: intent classification.
 *
 * <p>{@link dev.kefu.intent.IntentTrainer} turns labeled utterances into a model file;
 * {@link dev.kefu.intent.IntentClassifier} ranks intents for the tokens of one message.
 * Depends only on {@code dev.kefu.text}; only the {@code OpenNlp*} classes, {@code MaxentWeights}
 * and {@link dev.kefu.intent.PassThroughFeatureGenerator} import OpenNLP; only the
 * {@code Liblinear*} classes and {@code TfIdfVectorizer} import liblinear. The {@code Ensemble*}
 * classes combine the two through their package-private probabilities.
 */
package dev.kefu.intent;
