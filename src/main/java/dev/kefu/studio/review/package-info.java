/**
 * The studio's review side: the decision log read back for audit ({@link dev.kefu.studio.review.DecisionLog}),
 * and the review inbox ({@link dev.kefu.studio.review.ReviewInbox}) of the user messages the bot did not
 * handle well, grouped by meaning ({@link dev.kefu.studio.review.LeaderClustering} over sentence
 * vectors), with what admins decided about them ({@link dev.kefu.studio.review.ReviewStore}).
 * Depends on {@code intent} (the sentence encoder) and {@code dialog}; storage is behind the two
 * interfaces, implemented in {@code store}. No HTTP here.
 */
package dev.kefu.studio.review;
