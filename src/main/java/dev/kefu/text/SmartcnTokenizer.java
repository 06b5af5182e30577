package dev.kefu.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Tokenizer backed by Lucene's smartcn (HMM word segmentation, Porter stemming for English
 * words, punctuation dropped), after rewriting domain synonyms to their canonical form.
 * Thread-safe: the analyzer keeps one token stream per thread.
 */
public final class SmartcnTokenizer implements Tokenizer {
    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private final Synonyms synonyms;

    public SmartcnTokenizer(Synonyms synonyms) {
        this.synonyms = Objects.requireNonNull(synonyms, "synonyms");
    }

    @Override
    public Tokens tokenize(String normalizedText) {
        Synonyms.Rewrite rewrite = synonyms.rewrite(normalizedText);
        List<String> words = segment(rewrite.text());
        for (String canonical : rewrite.canonicals()) {
            if (!words.contains(canonical)) {
                words.add(canonical);
            }
        }
        return new Tokens(rewrite.text(), words);
    }

    private List<String> segment(String text) {
        List<String> words = new ArrayList<>();
        if (text.isEmpty()) {
            return words;
        }
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("smartcn failed on an in-memory string", e);
        }
        return words;
    }
}
