/**
 * Step 5 of the pipeline: choosing the FAQ entry the user receives.
 *
 * <p>{@link dev.kefu.answer.AnswerRanker} gathers candidate entries (the classifier's likely
 * intents, the BM25 hits, and the nearest phrasings by sentence vector), describes each with a few
 * features ({@link dev.kefu.answer.CandidateFeatures}) and scores it with a logistic model fitted
 * by {@link dev.kefu.answer.RankerTrainer} on held-out phrasings. The score is the probability that
 * the entry answers the message, so the policy thresholds the answer, not only the intent.
 * Depends on {@code dev.kefu.text}, {@code dev.kefu.intent} and {@code dev.kefu.faq}; only the
 * trainer imports liblinear.
 */
package dev.kefu.answer;
