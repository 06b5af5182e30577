package dev.kefu.eval;

import dev.kefu.dialog.ChatEngine;
import dev.kefu.dialog.conversation.Reply;
import dev.kefu.dialog.policy.Action;
import dev.kefu.dialog.policy.Thresholds;
import dev.kefu.intent.Intents;
import dev.kefu.intent.LabeledText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Scores the full pipeline on a labeled file, each line as the first message of a fresh
 * conversation (definitions in DESIGN.md and the README). The threshold sweep re-runs the file
 * with other answer thresholds; latency is measured on the first pass (a cold JVM: the figure is
 * pessimistic; {@code bench} measures warm), one thread.
 * Thread-safe if the engine factory is.
 */
public final class Evaluator {
    private static final double SWEEP_STEP = 0.05;

    private final Function<Thresholds, ChatEngine> engines;
    private final Thresholds shipped;

    public Evaluator(Function<Thresholds, ChatEngine> engines, Thresholds shipped) {
        this.engines = Objects.requireNonNull(engines, "engines");
        this.shipped = Objects.requireNonNull(shipped, "shipped");
    }

    /** The report for {@code data}; {@code progress} is told each finished pass (may be a no-op). */
    public EvalReport run(List<LabeledText> data, Progress progress) {
        int passes = (int) Math.round(1 / SWEEP_STEP) + 1;
        // the timed pass comes first: engines may share an analysis cache, which the sweep then fills
        long[] nanos = new long[data.size()];
        long start = System.nanoTime();
        List<Reply> replies = replies(engines.apply(shipped), data, nanos);
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.step(1, passes);
        List<SweepPoint> sweep = new ArrayList<>();
        for (int i = 0; i < passes - 1; i++) {
            double threshold = Math.round(i * SWEEP_STEP * 100) / 100.0;
            sweep.add(score(data, replies(engines.apply(shipped.withAnswer(threshold)), data, null), threshold));
            progress.step(i + 2, passes);
        }
        return report(data, replies, sweep, Latency.ofNanos(nanos, nanos.length), data.size() / seconds);
    }

    private EvalReport report(List<LabeledText> data, List<Reply> replies, List<SweepPoint> sweep,
                              Latency latency, double throughput) {
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        List<String> inScopeGold = new ArrayList<>();
        List<String> inScopePredicted = new ArrayList<>();
        Map<String, Integer> actions = new TreeMap<>();
        List<EvalError> errors = new ArrayList<>();
        List<LineOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            LabeledText line = data.get(i);
            Reply reply = replies.get(i);
            String label = reply.intent() == null ? Intents.OOS : reply.intent();
            gold.add(line.label());
            predicted.add(label);
            if (!line.label().equals(Intents.OOS)) {
                inScopeGold.add(line.label());
                inScopePredicted.add(label);
            }
            actions.merge(reply.action().wireName(), 1, Integer::sum);
            boolean correct = correctEndToEnd(line.label(), reply);
            outcomes.add(new LineOutcome(line.label(), label, reply.confidence(), reply.action().wireName(), correct));
            if (!correct) {
                errors.add(new EvalError(line.text(), line.label(), label, reply.confidence(),
                        reply.action().wireName(), reply.reason() + ": " + reply.detail()));
            }
        }
        errors.sort(Comparator.comparingDouble(EvalError::confidence).reversed());
        SweepPoint at = score(data, replies, shipped.answer());
        ClassificationMetrics all = ClassificationMetrics.of(gold, predicted);
        double accuracy = ClassificationMetrics.of(inScopeGold, inScopePredicted).accuracy();
        return new EvalReport(data.size(), accuracy, all.macroF1(), at.e2eAccuracy(), at.oosRecall(),
                at.precision(), at.coverage(), shipped.answer(), actions, all.perLabel(), all.confusion(), sweep,
                latency, throughput, errors, outcomes, AnswerScores.of(data, replies));
    }

    /** Coverage, auto-answer precision, end-to-end accuracy and oos recall of one pass. */
    static SweepPoint score(List<LabeledText> data, List<Reply> replies, double threshold) {
        int inScope = 0;
        int covered = 0;
        int answers = 0;
        int rightAnswers = 0;
        int oos = 0;
        int oosHeld = 0;
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            String gold = data.get(i).label();
            Reply reply = replies.get(i);
            boolean answered = reply.action() == Action.ANSWER;
            if (answered) {
                answers++;
                rightAnswers += gold.equals(reply.intent()) ? 1 : 0;
            }
            if (gold.equals(Intents.OOS)) {
                oos++;
                oosHeld += answered ? 0 : 1;
            } else {
                inScope++;
                boolean handled = gold.equals(Intents.HUMAN_AGENT) ? reply.action() == Action.HANDOFF : answered;
                covered += handled ? 1 : 0;
            }
            correct += correctEndToEnd(gold, reply) ? 1 : 0;
        }
        double[] entries = AnswerScores.accuracyAndPrecision(data, replies);
        return new SweepPoint(threshold, ClassificationMetrics.ratio(covered, inScope),
                ClassificationMetrics.ratio(rightAnswers, answers), ClassificationMetrics.ratio(correct, data.size()),
                ClassificationMetrics.ratio(oosHeld, oos), entries == null ? null : entries[0],
                entries == null ? null : entries[1]);
    }

    /** DESIGN.md: human_agent → handoff; oos → fallback or handoff; else an answer with the gold intent. */
    public static boolean correctEndToEnd(String gold, Reply reply) {
        if (gold.equals(Intents.HUMAN_AGENT)) {
            return reply.action() == Action.HANDOFF;
        }
        if (gold.equals(Intents.OOS)) {
            return reply.action() == Action.FALLBACK || reply.action() == Action.HANDOFF;
        }
        return reply.action() == Action.ANSWER && gold.equals(reply.intent());
    }

    private static List<Reply> replies(ChatEngine engine, List<LabeledText> data, long[] nanos) {
        List<Reply> replies = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            long start = System.nanoTime();
            replies.add(engine.reply("eval-" + i, data.get(i).text()));
            if (nanos != null) {
                nanos[i] = System.nanoTime() - start;
            }
        }
        return replies;
    }

    /** Told when a unit of work is done, for progress display. */
    @FunctionalInterface
    public interface Progress {
        /** {@code done} of {@code total} units are finished. */
        void step(int done, int total);

        /** Reports nothing. */
        static Progress none() {
            return (done, total) -> { };
        }
    }
}
