package dev.kefu.eval;

/** One line the engine got wrong end to end. */
public record EvalError(String text, String gold, String predicted, double confidence, String action, String reason) {
}
