package dev.kefu.faq;

import dev.kefu.text.TextNormalizer;
import dev.kefu.text.Tokenizer;
import dev.kefu.text.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds the FAQ index (train time only). Schema: one document per phrasing (the canonical
 * question and each paraphrase) so that a message is scored against its nearest phrasing rather
 * than against a long concatenation that BM25 length normalization would punish. Fields:
 * {@code q} the phrasing's terms (words and character bigrams), {@code a} the answer's words
 * (down-weighted at query time),
 * {@code ord} the entry's position in the corpus; the first document of each entry also stores
 * the whole entry so that serving needs no corpus file. Terms come from our {@link Tokenizer},
 * already split, so Lucene only splits on the spaces we put between them.
 */
public final class LuceneFaqIndex {
    static final String PHRASING = "q";
    static final String ANSWER = "a";
    static final String ORD = "ord";
    static final String ID = "id";
    static final String INTENT = "intent";
    static final String QUESTION = "question";
    static final String PARAPHRASE = "paraphrase";
    static final String ANSWER_TEXT = "answer";

    private final TextNormalizer normalizer;
    private final Tokenizer tokenizer;

    public LuceneFaqIndex(TextNormalizer normalizer, Tokenizer tokenizer) {
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    }

    /** Writes the index of {@code entries} into {@code dir}, replacing what was there. */
    public void build(List<FaqEntry> entries, Path dir) throws IOException {
        build(entries, Map.of(), dir);
    }

    /**
     * Writes the index of {@code entries} into {@code dir}, replacing what was there, with the
     * {@code examples} (labelled user messages by entry id) as further phrasings of their entries:
     * searched like the paraphrases, never shown.
     */
    public void build(List<FaqEntry> entries, Map<String, List<String>> examples, Path dir) throws IOException {
        try (Directory directory = FSDirectory.open(dir)) {
            write(entries, examples, directory);
        }
    }

    /**
     * A searcher over an index of {@code entries} held in memory: the answer ranker's training and
     * answer-level cross-validation search with folds of the FAQ held out.
     */
    public LuceneFaqSearcher inMemory(List<FaqEntry> entries, Map<String, List<String>> examples) {
        Directory directory = new ByteBuffersDirectory();
        try {
            write(entries, examples, directory);
            return LuceneFaqSearcher.over(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build an in-memory FAQ index", e);
        }
    }

    private void write(List<FaqEntry> entries, Map<String, List<String>> examples, Directory directory)
            throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setUseCompoundFile(true);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int ord = 0; ord < entries.size(); ord++) {
                FaqEntry entry = entries.get(ord);
                String answerTerms = String.join(" ", FaqTerms.answerTerms(tokens(entry.answer())));
                List<String> phrasings = new ArrayList<>(entry.phrasings());
                phrasings.addAll(examples.getOrDefault(entry.id(), List.of()));
                for (int p = 0; p < phrasings.size(); p++) {
                    Document doc = new Document();
                    doc.add(new StoredField(ORD, ord));
                    doc.add(new TextField(PHRASING, terms(phrasings.get(p)), Field.Store.NO));
                    doc.add(new TextField(ANSWER, answerTerms, Field.Store.NO));
                    if (p == 0) {
                        storeEntry(doc, entry);
                    }
                    writer.addDocument(doc);
                }
            }
            writer.forceMerge(1);
        }
    }

    private static void storeEntry(Document doc, FaqEntry entry) {
        doc.add(new StringField(ID, entry.id(), Field.Store.YES));
        doc.add(new StoredField(INTENT, entry.intent()));
        doc.add(new StoredField(QUESTION, entry.question()));
        for (String paraphrase : entry.paraphrases()) {
            doc.add(new StoredField(PARAPHRASE, paraphrase));
        }
        doc.add(new StoredField(ANSWER_TEXT, entry.answer()));
    }

    private String terms(String text) {
        return String.join(" ", FaqTerms.of(tokens(text)));
    }

    private Tokens tokens(String text) {
        return tokenizer.tokenize(normalizer.normalize(text));
    }
}
