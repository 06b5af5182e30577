/**
 * Step 5 of the pipeline: choosing the FAQ entry the user receives.
 *
 * <p>{@link dev.kefu.answer.AnswerRanker} gathers candidate entries (the classifier's likely
 * intents, the BM25 hits, and the nearest phrasings by sentence vector), describes each with a few
 * features ({@link dev.kefu.answer.CandidateFeatures}) and scores them with a softmax and a
 * calibration ({@link dev.kefu.answer.RankerModel}) that {@link dev.kefu.answer.RankerTrainer} fits
 * on held-out lines ({@link dev.kefu.answer.LogisticFit}, plain Java). The score is the probability
 * that the entry answers the message, so the policy thresholds the answer, not only the intent.
 * {@link dev.kefu.answer.IntentFirstRanker} and {@link dev.kefu.answer.NearestPhrasingRanker} are
 * the measured alternatives. Depends on {@code dev.kefu.text}, {@code dev.kefu.intent} and
 * {@code dev.kefu.faq} only.
 */
package dev.kefu.answer;
