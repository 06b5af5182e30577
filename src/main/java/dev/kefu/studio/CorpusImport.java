package dev.kefu.studio;

import dev.kefu.faq.FaqEntry;
import dev.kefu.intent.LabeledText;
import dev.kefu.text.CorpusException;
import dev.kefu.text.CorpusFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Corpus files read for {@code kefu corpus import}: checked by the loaders, then laid out as draft
 * items with the comment and blank lines that precede each, so that export writes the same files.
 */
public record CorpusImport(List<FaqEntry> entries, List<List<String>> entryLeads, List<LabeledText> examples,
                           List<List<String>> exampleLeads, Map<String, String> keptFiles) {
    public CorpusImport {
        entries = List.copyOf(entries);
        entryLeads = entryLeads.stream().map(List::copyOf).toList();
        examples = List.copyOf(examples);
        exampleLeads = exampleLeads.stream().map(List::copyOf).toList();
        keptFiles = Map.copyOf(keptFiles);
    }

    /** Reads and checks the four files of {@code dir}; {@code eval.tsv} may be absent. */
    public static CorpusImport read(Path dir) {
        CorpusText text = new CorpusText(CorpusFiles.readLines(dir.resolve(CorpusFormat.FAQ)),
                CorpusFiles.readLines(dir.resolve(CorpusFormat.INTENTS)), verbatim(dir.resolve(CorpusFormat.SYNONYMS), true),
                verbatim(dir.resolve(CorpusFormat.EVAL), false));
        CorpusCheck.Loaded loaded = CorpusCheck.load(text, dir);
        List<List<String>> entryLeads = faqLeads(text.faq());
        List<String> faqTrailer = entryLeads.remove(entryLeads.size() - 1);
        List<String> header = entryLeads.set(0, List.of());
        List<List<String>> exampleLeads = new ArrayList<>();
        int next = 0;
        for (LabeledText example : loaded.examples()) {
            exampleLeads.add(text.intents().subList(next, example.line() - 1));
            next = example.line();
        }
        List<String> intentsTrailer = text.intents().subList(next, text.intents().size());
        if (entryLeads.size() != loaded.entries().size()) {
            throw new IllegalStateException("faq.txt has " + entryLeads.size() + " blocks but " + loaded.entries().size()
                    + " entries");
        }
        return new CorpusImport(loaded.entries(), entryLeads, loaded.examples(), exampleLeads,
                CorpusFormat.keptFiles(header, faqTrailer, intentsTrailer, text));
    }

    /**
     * The comment and blank lines before each block of {@code faq.txt} (lines inside a block that
     * are comments are not kept), then the lines after the last block.
     */
    private static List<List<String>> faqLeads(List<String> lines) {
        List<List<String>> leads = new ArrayList<>();
        List<String> lead = new ArrayList<>();
        boolean inBlock = false;
        for (String line : lines) {
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                inBlock = false;
                lead.add(line);
            } else if (!inBlock && stripped.startsWith("#")) {
                lead.add(line);
            } else if (!inBlock) {
                inBlock = true;
                leads.add(lead);
                lead = new ArrayList<>();
            }
        }
        leads.add(lead);
        return leads;
    }

    /** A file kept as it is: its text ("" when {@code required} is false and it is absent). */
    private static String verbatim(Path file, boolean required) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            if (required) {
                throw new CorpusException(file + ": file not found");
            }
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
