package dev.kefu.cli;

import dev.kefu.dialog.ChatEngine;
import dev.kefu.dialog.conversation.ConversationIds;
import dev.kefu.dialog.conversation.Reply;
import dev.kefu.dialog.conversation.Suggestion;
import dev.kefu.dialog.policy.Thresholds;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code chat}: one conversation in the terminal, one message per stdin line. */
final class ChatCommand {
    static final String USAGE = """
            usage: java -jar target/kefu.jar chat [--models DIR] [--corpus DIR] [--hotline TEXT] [--trace]
              --models DIR    trained models (default models)
              --corpus DIR    corpus the models must match (default corpus; skipped when absent)
              --hotline TEXT  customer-service hotline used in answers (default: $KEFU_HOTLINE,
                              else answers point to the website's 「联系我们」 page)
              --trace         print intent, confidence, action and reason after each reply""";

    private ChatCommand() {
    }

    static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) throws IOException {
        Options options = Options.parse(args, Set.of("models", "corpus", "hotline"), Set.of("trace"));
        Models models = Models.load(options.path("models", "models"), options.path("corpus", "corpus"));
        ChatEngine engine = models.engine(Thresholds.DEFAULT, Settings.hotline(options, System.getenv()));
        boolean interactive = System.console() != null;
        String conversation = ConversationIds.next();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        if (interactive) {
            err.println("智能客服：您好，请问有什么可以帮您？（Ctrl-D 退出）");
            err.print("> ");
        }
        String line;
        while ((line = reader.readLine()) != null) {
            print(engine.reply(conversation, line), options.has("trace"), out);
            if (interactive) {
                err.print("> ");
            }
        }
        return 0;
    }

    private static void print(Reply reply, boolean trace, PrintStream out) {
        out.println(reply.text());
        List<Suggestion> suggestions = reply.suggestions();
        for (Suggestion suggestion : suggestions) {
            out.println("  · " + suggestion.question());
        }
        if (trace) {
            out.printf(Locale.ROOT, "  [%s %s %.2f %s: %s]%n", reply.action().wireName(), reply.intent(),
                    reply.confidence(), reply.reason(), reply.detail());
        }
        out.println();
    }
}
