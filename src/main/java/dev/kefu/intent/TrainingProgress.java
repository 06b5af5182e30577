package dev.kefu.intent;

/**
 * How far a training run is. Trainers count one step per example prepared (normalized, tokenized,
 * turned into features) and one more when the model is fitted, so a caller can show a bar.
 */
@FunctionalInterface
public interface TrainingProgress {
    /** {@code done} of {@code total} steps are finished. */
    void step(int done, int total);

    /** Reports nothing. */
    static TrainingProgress none() {
        return (done, total) -> { };
    }
}
