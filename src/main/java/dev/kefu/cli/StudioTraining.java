package dev.kefu.cli;

import dev.kefu.dialog.ChatEngine;
import dev.kefu.dialog.conversation.Reply;
import dev.kefu.dialog.policy.Action;
import dev.kefu.dialog.policy.Thresholds;
import dev.kefu.eval.CrossValidation;
import dev.kefu.eval.EvalReport;
import dev.kefu.eval.Evaluator;
import dev.kefu.intent.IntentTrainer;
import dev.kefu.intent.LabeledCorpus;
import dev.kefu.intent.LabeledText;
import dev.kefu.studio.version.Trainer;
import dev.kefu.studio.version.VersionReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The studio's training: {@code kefu train} into a directory of the version's own, then
 * {@code kefu eval}'s evaluator on the version's {@code eval.tsv}, a cross-validation of the
 * classifier on its training lines, and the seed's five messages. Run on the studio's worker thread.
 */
final class StudioTraining implements Trainer {
    private final TrainCommand.Kinds kinds;
    private final int cvFolds;
    private final Supplier<Models> serving;

    /** {@code cvFolds} 0 turns the cross-validation off; {@code serving} gives the models in use. */
    StudioTraining(TrainCommand.Kinds kinds, int cvFolds, Supplier<Models> serving) {
        this.kinds = Objects.requireNonNull(kinds, "kinds");
        this.cvFolds = cvFolds;
        this.serving = Objects.requireNonNull(serving, "serving");
    }

    @Override
    public VersionReport train(Path corpus, Path models, Consumer<String> progress) throws Exception {
        TrainCommand.train(corpus, models, kinds, (done, total) -> progress.accept("train " + done + "/" + total));
        progress.accept("load");
        Models trained = Models.load(models, corpus);
        Double cv = null;
        if (cvFolds >= 2) {
            List<LabeledText> examples = LabeledCorpus.read(corpus.resolve("intents.tsv"));
            EvalCommand.Text text = EvalCommand.Text.of(corpus);
            IntentTrainer trainer = kinds.classifier().trainer(text.normalizer(), text.tokenizer());
            cv = CrossValidation.ofClassifier(train -> text.predictor(trainer.train(train)))
                    .run(examples, cvFolds, (done, total) -> progress.accept("cv " + done + "/" + total)).accuracy().mean();
        }
        return report(trained, corpus, cv, progress);
    }

    @Override
    public VersionReport evaluateServing(Path corpus, Consumer<String> progress) {
        return report(serving.get(), corpus, null, progress);
    }

    private static VersionReport report(Models models, Path corpus, Double cv, Consumer<String> progress) {
        List<LabeledText> lines = LabeledCorpus.read(corpus.resolve("eval.tsv"));
        EvalReport eval = new Evaluator(t -> models.engine(t, null), Thresholds.DEFAULT)
                .run(lines, (done, total) -> progress.accept("eval " + done + "/" + total));
        ChatEngine engine = models.engine(Thresholds.DEFAULT, null);
        List<VersionReport.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LabeledText line = lines.get(i);
            Reply reply = engine.reply("studio-eval-" + i, line.text());
            boolean right = Evaluator.correctEndToEnd(line.label(), reply)
                    && (line.faqIds().isEmpty() || reply.action() != Action.ANSWER || line.faqIds().contains(reply.faqId()));
            outcomes.add(new VersionReport.Outcome(line.text(), reply.action().wireName(), reply.faqId(), null, right));
        }
        List<VersionReport.Outcome> seeds = new ArrayList<>();
        for (String text : VersionReport.SEED_MESSAGES) {
            Reply reply = engine.reply("studio-seed-" + seeds.size(), text);
            seeds.add(new VersionReport.Outcome(text, reply.action().wireName(), reply.faqId(), reply.text(),
                    reply.action() == Action.ANSWER || reply.action() == Action.HANDOFF));
        }
        double accuracy = eval.answers() == null ? 0 : eval.answers().answerAccuracy();
        double precision = eval.answers() == null ? 0 : eval.answers().answerPrecision();
        return new VersionReport(accuracy, precision, eval.e2eAccuracy() == null ? 0 : eval.e2eAccuracy(), cv, seeds, outcomes);
    }
}
