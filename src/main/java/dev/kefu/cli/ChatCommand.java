package dev.kefu.cli;

import dev.kefu.dialog.ChatEngine;
import dev.kefu.dialog.conversation.ConversationIds;
import dev.kefu.dialog.conversation.Reply;
import dev.kefu.dialog.conversation.Suggestion;
import dev.kefu.dialog.policy.Action;
import dev.kefu.dialog.policy.Thresholds;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * {@code chat}: one conversation in the terminal. On a terminal, lines are edited and recalled
 * with JLine (arrow keys, history of this session); piped, one message per stdin line.
 */
final class ChatCommand {
    static final String USAGE = """
            usage: java -jar target/kefu.jar chat [--models DIR] [--corpus DIR] [--hotline TEXT] [--trace]
              --models DIR    trained models (default models)
              --corpus DIR    corpus the models must match (default corpus; skipped when absent)
              --hotline TEXT  customer-service hotline used in answers (default: $KEFU_HOTLINE,
                              else answers point to the website's 「联系我们」 page)
              --trace         print intent, confidence, action and reason after each reply
            On a terminal: arrow keys edit and recall lines, /new starts a new conversation, Ctrl-D quits.""";
    private static final Properties TEXTS = texts();

    /** The next line typed, or null at the end of input. */
    interface Lines {
        String next() throws IOException;
    }

    private ChatCommand() {
    }

    static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) throws IOException {
        Options options = Options.parse(args, Set.of("models", "corpus", "hotline"), Set.of("trace"));
        Models models = Models.load(options.path("models", "models"), options.path("corpus", "corpus"));
        ChatEngine engine = models.engine(Thresholds.DEFAULT, Settings.hotline(options, System.getenv()));
        if (!Terminals.isInteractive(in, out)) {
            BufferedReader piped = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            converse(engine, piped::readLine, options.has("trace"), out);
            return 0;
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            err.println(text("chat.welcome"));
            converse(engine, editor(terminal), options.has("trace"), out);
        }
        return 0;
    }

    /**
     * Line editing and history on {@code terminal}. The history stays in memory: messages may hold
     * card numbers or codes, which a history file would keep unmasked.
     */
    static Lines editor(Terminal terminal) {
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("kefu").build();
        return () -> {
            try {
                return reader.readLine("> ");
            } catch (EndOfFileException | UserInterruptException e) {
                return null; // Ctrl-D or Ctrl-C: the end of the conversation
            }
        };
    }

    /** Replies to every line until the input ends; {@code /new} starts a new conversation. */
    static void converse(ChatEngine engine, Lines lines, boolean trace, PrintStream out) throws IOException {
        String conversation = ConversationIds.next();
        String line;
        while ((line = lines.next()) != null) {
            if (line.strip().equals("/new")) {
                conversation = ConversationIds.next();
                out.println(text("chat.new"));
                out.println();
                continue;
            }
            print(engine.reply(conversation, line), trace, out);
        }
    }

    private static void print(Reply reply, boolean trace, PrintStream out) {
        boolean withPerson = reply.action() == Action.HANDOFF;
        if (!reply.text().isBlank()) {
            out.println(reply.text());
        }
        if (withPerson) {
            out.println(text("chat.with_person")); // instead of the silence a person's conversation has here
        }
        if (reply.action() != Action.CLARIFY) { // a clarify question lists its options in its text already
            for (Suggestion suggestion : reply.suggestions()) {
                out.println("  · " + suggestion.question());
            }
        }
        if (trace) {
            out.printf(Locale.ROOT, "  [%s %s %.2f %s: %s]%n", reply.action().wireName(), reply.intent(),
                    reply.confidence(), reply.reason(), reply.detail());
        }
        out.println();
    }

    private static String text(String key) {
        return TEXTS.getProperty(key, key);
    }

    private static Properties texts() {
        Properties texts = new Properties();
        try (InputStream in = ChatCommand.class.getResourceAsStream("chat.properties")) {
            if (in == null) {
                throw new IllegalStateException("dev/kefu/cli/chat.properties is missing from the classpath");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                texts.load(reader);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return texts;
    }
}
