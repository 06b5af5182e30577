package dev.kefu.cli;

import dev.kefu.store.Database;
import dev.kefu.store.SqlKbStore;
import dev.kefu.studio.CorpusFormat;
import dev.kefu.studio.CorpusImport;
import dev.kefu.studio.CorpusImporter;
import dev.kefu.studio.CorpusText;
import dev.kefu.studio.KbEditor;
import dev.kefu.studio.KbException;
import dev.kefu.studio.KbSnapshot;
import dev.kefu.text.ChineseVariants;
import dev.kefu.text.Synonyms;
import dev.kefu.text.TextNormalizer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code corpus import|export}: the corpus files into the studio's draft in the database, and back. */
final class CorpusCommand {
    static final String USAGE = """
            usage: java -jar target/kefu.jar corpus import [--dir DIR] [--db URL] [--comment TEXT]
                   java -jar target/kefu.jar corpus export [--dir DIR] [--db URL]
              import   replace the studio's draft knowledge base with the files of DIR (faq.txt,
                       intents.tsv, synonyms.txt, eval.tsv), checked as train checks them; a change
                       is recorded (by "cli") for every entry and example that differs
              export   write the draft to DIR in the same formats (a file imported and exported
                       again is the same file); review the diff and commit it
              --dir DIR        corpus directory (default corpus)
              --db URL         database (default %s)
              --comment TEXT   why, recorded with each change of an import (default "corpus import")"""
            .formatted(ServeCommand.DEFAULT_DB);

    private CorpusCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        if (args.isEmpty() || !List.of("import", "export").contains(args.get(0))) {
            throw new UsageException("give a subcommand: import or export");
        }
        boolean importing = args.get(0).equals("import");
        Options options = Options.parse(args.subList(1, args.size()),
                importing ? Set.of("dir", "db", "comment") : Set.of("dir", "db"), Set.of());
        Path dir = options.path("dir", "corpus");
        String comment = options.string("comment", "corpus import");
        if (comment.isBlank()) {
            throw new UsageException("--comment must not be blank");
        }
        try (Database db = Database.open(Settings.databaseUrl(options), Settings.credentials(System.getenv()))) {
            KbEditor kb = new KbEditor(new SqlKbStore(db), Clock.systemUTC());
            return importing ? importFiles(kb, dir, comment, out) : export(kb.snapshot(), dir, out, err);
        }
    }

    private static int importFiles(KbEditor kb, Path dir, String comment, PrintStream out) {
        CorpusImport files = CorpusImport.read(dir);
        Synonyms.read(dir.resolve(CorpusFormat.SYNONYMS), new TextNormalizer(ChineseVariants.icu())); // as train reads it
        try {
            CorpusImporter.Counts counts = new CorpusImporter(kb).replaceWith(files, new KbEditor.Change("cli", comment));
            out.printf("imported %s: %d FAQ entries, %d intent examples (%d created, %d changed, %d removed)%n", dir,
                    files.entries().size(), files.examples().size(), counts.created(), counts.changed(), counts.removed());
            return 0;
        } catch (KbException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static int export(KbSnapshot draft, Path dir, PrintStream out, PrintStream err) throws IOException {
        if (draft.isEmpty()) {
            err.println("kefu corpus export: the database holds no knowledge base yet; run kefu corpus import first");
            return 1;
        }
        CorpusText text = CorpusFormat.render(draft);
        Files.createDirectories(dir);
        for (Map.Entry<String, String> file : Map.of(CorpusFormat.FAQ, CorpusText.joined(text.faq()),
                CorpusFormat.INTENTS, CorpusText.joined(text.intents()), CorpusFormat.SYNONYMS, text.synonyms(),
                CorpusFormat.EVAL, text.eval()).entrySet()) {
            if (file.getKey().equals(CorpusFormat.EVAL) && file.getValue().isEmpty()) {
                continue; // imported without one
            }
            Path target = dir.resolve(file.getKey());
            Path fresh = dir.resolve(file.getKey() + ".new");
            Files.writeString(fresh, file.getValue(), StandardCharsets.UTF_8);
            Files.move(fresh, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        out.printf("exported %d FAQ entries and %d intent examples to %s%n", draft.entries().size(),
                draft.examples().size(), dir);
        return 0;
    }
}
