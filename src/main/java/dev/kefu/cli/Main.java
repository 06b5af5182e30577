package dev.kefu.cli;

import dev.kefu.text.CorpusException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** {@code java -jar target/kefu.jar <command>}: exit 0 ok, 1 failure, 2 usage error. */
public final class Main {
    static final String USAGE = """
            usage: java -jar target/kefu.jar <command> [options]

            commands:
              serve   HTTP API, demo page and embeddable chat widget (http://127.0.0.1:7070/)
              chat    talk to the bot: one message per line on stdin, replies on stdout
              train   train the intent model and build the FAQ index from corpus/ into models/
              eval    score the models on a labeled file; print a summary, write a JSON report
              bench   throughput and latency of the full pipeline, as JSON
              purge   delete a conversation (or all older than N days) from the database
              agents  add, list or remove agent accounts (the first admin: agents add --role admin)
              corpus  import the corpus files into the studio's knowledge base, or export it back

            `java -jar target/kefu.jar <command> --help` shows a command's options.""";

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, System.in, out, err));
    }

    /** Runs one command; returns the exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        String usage = usage(command);
        if (usage == null) {
            err.println("kefu: unknown command '" + command + "'\n" + USAGE);
            return 2;
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(usage);
            return 0;
        }
        try {
            return dispatch(command, rest, in, out, err);
        } catch (UsageException e) {
            err.println("kefu " + command + ": " + e.getMessage() + "\n" + usage);
            return 2;
        } catch (CorpusException | UncheckedIOException | IllegalArgumentException | IllegalStateException
                 | dev.kefu.store.StoreException e) {
            err.println("kefu " + command + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("kefu " + command + ": " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("kefu " + command + ": interrupted");
            return 1;
        }
    }

    private static String usage(String command) {
        return switch (command) {
            case "serve" -> ServeCommand.USAGE;
            case "chat" -> ChatCommand.USAGE;
            case "train" -> TrainCommand.USAGE;
            case "eval" -> EvalCommand.USAGE;
            case "bench" -> BenchCommand.USAGE;
            case "purge" -> PurgeCommand.USAGE;
            case "agents" -> AgentsCommand.USAGE;
            case "corpus" -> CorpusCommand.USAGE;
            default -> null;
        };
    }

    private static int dispatch(String command, List<String> args, InputStream in, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        return switch (command) {
            case "serve" -> ServeCommand.run(args, out, err);
            case "chat" -> ChatCommand.run(args, in, out, err);
            case "train" -> TrainCommand.run(args, out, err);
            case "eval" -> EvalCommand.run(args, out, err);
            case "bench" -> BenchCommand.run(args, out, err);
            case "purge" -> PurgeCommand.run(args, out, err);
            case "agents" -> AgentsCommand.run(args, in, out, err);
            case "corpus" -> CorpusCommand.run(args, out, err);
            default -> throw new IllegalStateException("no command " + command);
        };
    }
}
