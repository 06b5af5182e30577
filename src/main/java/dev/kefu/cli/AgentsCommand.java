package dev.kefu.cli;

import dev.kefu.auth.Account;
import dev.kefu.auth.AccountException;
import dev.kefu.auth.Accounts;
import dev.kefu.auth.NewAccount;
import dev.kefu.auth.Role;
import dev.kefu.store.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code agents}: creates, lists and removes agent accounts (the first admin comes from here). */
final class AgentsCommand {
    static final String PASSWORD_ENV = "KEFU_AGENT_PASSWORD";
    static final String USAGE = """
            usage: java -jar target/kefu.jar agents add --login LOGIN --name NAME [--role agent|admin] [--max-chats N] [--db URL]
                   java -jar target/kefu.jar agents list [--db URL]
                   java -jar target/kefu.jar agents remove --login LOGIN [--db URL]
              add      create an account; the password is read from %s, else from the first line of stdin
                       (never from a flag, where other users of the machine could see it)
              list     print every account: login, role, maximum chats, display name
              remove   remove an account: its sessions end at once, its login stays taken
              --login LOGIN     2-40 characters a-z, 0-9, '.', '_', '-'
              --name NAME       the name customers and colleagues see, any script (李娜)
              --role ROLE       agent (default) or admin
              --max-chats N     open chats auto-assignment gives this agent at most (default %d)
              --db URL          database (default %s)""".formatted(PASSWORD_ENV, NewAccount.DEFAULT_MAX_CHATS,
            ServeCommand.DEFAULT_DB);

    private AgentsCommand() {
    }

    static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) throws IOException {
        if (args.isEmpty() || !List.of("add", "list", "remove").contains(args.get(0))) {
            throw new UsageException("give a subcommand: add, list or remove");
        }
        String sub = args.get(0);
        Options options = Options.parse(args.subList(1, args.size()),
                Set.of("login", "name", "role", "max-chats", "db"), Set.of());
        if (!sub.equals("list") && !options.has("login")) {
            throw new UsageException("agents " + sub + " needs --login");
        }
        try (Database db = Database.open(Settings.databaseUrl(options), Settings.credentials(System.getenv()))) {
            Accounts accounts = Settings.accounts(db);
            return switch (sub) {
                case "add" -> add(accounts, options, password(System.getenv(), in), out, err);
                case "list" -> list(accounts, out);
                default -> remove(accounts, options.string("login", ""), out, err);
            };
        }
    }

    private static int add(Accounts accounts, Options options, String password, PrintStream out, PrintStream err) {
        try {
            Account account = accounts.create(new NewAccount(options.string("login", ""), options.string("name", null),
                    password, Role.ofWire(options.string("role", "agent")),
                    options.integer("max-chats", NewAccount.DEFAULT_MAX_CHATS, 1, 50)));
            accounts.record("cli", "account_create", account.login());
            out.println("created " + account.role().wireName() + " " + account.login() + " (" + account.displayName() + ")");
            return 0;
        } catch (AccountException e) {
            err.println("kefu agents add: " + (e.field().equals("displayName") ? "--name" : "--" + e.field()) + ": "
                    + e.getMessage());
            return 1;
        }
    }

    private static int list(Accounts accounts, PrintStream out) {
        for (Account a : accounts.store().list()) {
            out.println(a.login() + "\t" + a.role().wireName() + "\t" + a.maxChats() + "\t" + a.displayName());
        }
        return 0;
    }

    private static int remove(Accounts accounts, String login, PrintStream out, PrintStream err) {
        if (!accounts.remove(login)) {
            err.println("kefu agents remove: no account " + login);
            return 1;
        }
        accounts.record("cli", "account_remove", login);
        out.println("removed " + login);
        return 0;
    }

    /** {@value #PASSWORD_ENV}, else the first line of {@code in}; empty when neither gives one. */
    private static String password(Map<String, String> env, InputStream in) throws IOException {
        String fromEnv = env.get(PASSWORD_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line;
    }
}
