package dev.kefu.cli;

import dev.kefu.store.Database;
import dev.kefu.store.Retention;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** {@code purge}: deletes one conversation, or every conversation older than a number of days. */
final class PurgeCommand {
    static final String USAGE = """
            usage: java -jar target/kefu.jar purge (--conversation ID | --older-than-days N) [--db URL]
              --conversation ID     delete this conversation: transcript, tickets, platform link, webhook keys, outbox
              --older-than-days N   delete every conversation silent for more than N days
              --db URL              database (default %s)""".formatted(ServeCommand.DEFAULT_DB);

    private PurgeCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Options options = Options.parse(args, Set.of("conversation", "older-than-days", "db"), Set.of());
        if (options.has("conversation") == options.has("older-than-days")) {
            throw new UsageException("give exactly one of --conversation and --older-than-days");
        }
        try (Database db = Database.open(Settings.databaseUrl(options),
                Settings.credentials(System.getenv()))) {
            Retention retention = new Retention(db);
            if (options.has("conversation")) {
                String id = options.string("conversation", "");
                if (!retention.purge(id)) {
                    err.println("kefu purge: no conversation " + id);
                    return 1;
                }
                out.println("deleted conversation " + id);
            } else {
                int days = options.integer("older-than-days", 90, 1, 36_500);
                int purged = retention.purgeOlderThan(Instant.now().minus(Duration.ofDays(days)));
                out.println("deleted " + purged + " conversations silent for more than " + days + " days");
            }
        }
        return 0;
    }
}
