package dev.kefu.studio.review;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kefu.intent.SentenceEncoder;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The review inbox: the messages awaiting review ({@link ReviewStore#pending}), clustered by their
 * sentence vectors ({@link LeaderClustering}), biggest cluster first, each with the answer
 * ranker's suggestion. Vectors are computed when the inbox is read (about 2 ms a message), off the
 * reply path, and the last {@value #VECTORS} are kept: the next read encodes only new messages.
 * Thread-safe.
 */
public final class ReviewInbox {
    /** Vectors kept between reads. */
    static final int VECTORS = 10_000;

    private final ReviewStore store;
    private final Supplier<SentenceEncoder> encoder;
    private final Function<String, Optional<Suggestion>> suggester;
    private final Settings settings;
    private final Cache<String, float[]> vectors = Caffeine.newBuilder().maximumSize(VECTORS).build();

    /**
     * An inbox over {@code store}; {@code encoder} is asked for the sentence encoder when the inbox is
     * first read, {@code suggester} gives the ranker's best entry for a (masked) message.
     */
    public ReviewInbox(ReviewStore store, Supplier<SentenceEncoder> encoder,
                       Function<String, Optional<Suggestion>> suggester, Settings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.suggester = Objects.requireNonNull(suggester, "suggester");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The inbox as it stands: clusters of the newest {@link Settings#limit()} messages awaiting review. */
    public List<InboxCluster> clusters() {
        List<ReviewItem> pending = store.pending(settings.threshold(), settings.limit()).stream()
                .sorted(Comparator.comparingLong(ReviewItem::messageId)).toList(); // oldest first: stable leaders
        SentenceEncoder bge = pending.isEmpty() ? null : encoder.get();
        List<List<ReviewItem>> groups = new LeaderClustering(settings.similarity())
                .cluster(pending, item -> vectors.get(item.text(), bge::encode));
        return groups.stream().map(items -> new InboxCluster(items,
                suggester.apply(items.get(0).text()).orElse(null),
                items.stream().map(ReviewItem::agentAnswer).filter(Objects::nonNull).findFirst().orElse(null))).toList();
    }

    /** Records {@code review}: its messages leave the inbox. */
    public void review(Review review) {
        store.record(review);
    }

    /** The settings in force. */
    public Settings settings() {
        return settings;
    }

    /**
     * How the inbox chooses and groups messages.
     *
     * @param threshold  answers whose entry scored below this are reviewed (0 turns that off)
     * @param similarity cosine at which two messages share a cluster
     * @param limit      the newest messages read, at most
     */
    public record Settings(double threshold, double similarity, int limit) {
        /**
         * Answers below 0.6 are reviewed: the policy answers from 0.5 ({@code Thresholds.DEFAULT}),
         * and an answer in the first tenth above it is the one most likely wrong.
         */
        public static final double DEFAULT_THRESHOLD = 0.6;
        /** Messages read: about a second of encoding when none was read before. */
        public static final int DEFAULT_LIMIT = 500;
        public static final Settings DEFAULT = new Settings(DEFAULT_THRESHOLD, LeaderClustering.DEFAULT_SIMILARITY,
                DEFAULT_LIMIT);

        public Settings {
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new IllegalArgumentException("review threshold must be in 0..1, was " + threshold);
            }
            if (!(similarity > 0 && similarity <= 1)) {
                throw new IllegalArgumentException("similarity must be in (0, 1], was " + similarity);
            }
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be >= 1, was " + limit);
            }
        }
    }
}
