package dev.kefu.faq;

import dev.kefu.text.CorpusException;
import dev.kefu.text.Tokens;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * BM25 search over the index written by {@link LuceneFaqIndex}. A message's terms are OR-ed over
 * the phrasing field and, at {@value #ANSWER_WEIGHT}x, the answer field; the best phrasing of each
 * entry gives the entry's score. Entries are loaded from the index once, when it is opened.
 * Thread-safe.
 */
public final class LuceneFaqSearcher implements FaqSearcher, Closeable {
    /** Answers share many generic words (「请」「账户」); they may help, never dominate. */
    static final float ANSWER_WEIGHT = 0.2f;
    /** Keeps a paragraph-long message within Lucene's 1024-clause limit (2 fields × 400). */
    private static final int MAX_CLAUSES = 400;
    /**
     * Terms found in more than this share of FAQ entries (「怎么」「我的」「吗」) are left out of
     * queries: they cannot tell entries apart, yet iterating their long postings was most of the
     * search time. Counted per entry, not per phrasing document, so that a word every phrasing of
     * one entry repeats (「退款」 in the refund entries) is never mistaken for a stop word. 0.35 kept
     * the most FAQ hits in the message's intent (918 of 1,103 in-scope lines of eval.tsv and
     * intents.tsv, against 912 with no cut) at 18 µs a search instead of 26 µs.
     */
    static final double MAX_ENTRY_SHARE = 0.35;
    /** Phrasing documents fetched per query before grouping them by entry. */
    private static final int FETCH = 30;

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final List<FaqEntry> entries;
    private final int[] ordByDoc;
    private final Map<String, TermStates> phrasingTerms;
    private final Map<String, TermStates> answerTerms;

    private LuceneFaqSearcher(Directory directory, DirectoryReader reader) throws IOException {
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setQueryCache(null); // messages rarely repeat; caching only costs
        this.ordByDoc = new int[reader.maxDoc()];
        Map<Integer, FaqEntry> byOrd = new TreeMap<>();
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            Document stored = reader.storedFields().document(doc);
            ordByDoc[doc] = stored.getField(LuceneFaqIndex.ORD).numericValue().intValue();
            if (stored.get(LuceneFaqIndex.ID) != null) {
                byOrd.put(ordByDoc[doc], entryOf(stored));
            }
        }
        this.entries = List.copyOf(byOrd.values());
        this.phrasingTerms = termStates(LuceneFaqIndex.PHRASING);
        this.answerTerms = termStates(LuceneFaqIndex.ANSWER);
        if (entries.size() != byOrd.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1) {
            throw new CorpusException("FAQ index is inconsistent: entries are missing");
        }
    }

    /** Opens the index in {@code dir}. */
    public static LuceneFaqSearcher open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CorpusException(dir + ": FAQ index not found; run `java -jar target/kefu.jar train`");
        }
        Directory directory = null;
        try {
            directory = FSDirectory.open(dir);
            return new LuceneFaqSearcher(directory, DirectoryReader.open(directory));
        } catch (IOException | RuntimeException e) {
            closeQuietly(directory, e);
            throw new CorpusException(dir + ": not a readable FAQ index (" + e.getMessage()
                    + "); run `java -jar target/kefu.jar train`", e);
        }
    }

    /** A searcher over an index already written to {@code directory} (closed with the searcher). */
    static LuceneFaqSearcher over(Directory directory) throws IOException {
        return new LuceneFaqSearcher(directory, DirectoryReader.open(directory));
    }

    @Override
    public List<FaqHit> search(Tokens tokens, int k) {
        List<String> terms = FaqTerms.of(tokens);
        if (terms.isEmpty() || k <= 0) {
            return List.of();
        }
        try {
            Query query = query(terms, FaqTerms.answerTerms(tokens));
            if (query == null) {
                return List.of();
            }
            TopDocs top = searcher.search(query, FETCH);
            Map<Integer, FaqHit> best = new LinkedHashMap<>();
            for (ScoreDoc hit : top.scoreDocs) {
                int ord = ordByDoc[hit.doc];
                best.putIfAbsent(ord, new FaqHit(entries.get(ord), hit.score));
                if (best.size() == k) {
                    break;
                }
            }
            return List.copyOf(best.values());
        } catch (IOException e) {
            throw new UncheckedIOException("FAQ search failed", e);
        }
    }

    @Override
    public List<FaqEntry> entries() {
        return entries;
    }

    @Override
    public void close() throws IOException {
        try (directory) {
            reader.close();
        }
    }

    /**
     * Term statistics of every term of {@code field}, looked up once: the index never changes while
     * it is open, and the per-query dictionary lookups were most of the search time. A message's
     * terms that the index lacks match nothing and are left out of the query.
     */
    private Map<String, TermStates> termStates(String field) throws IOException {
        Map<String, TermStates> states = new HashMap<>();
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms == null) {
            return Map.of();
        }
        TermsEnum iterator = terms.iterator();
        for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
            Term t = new Term(field, BytesRef.deepCopyOf(term));
            if (entryFrequency(iterator) <= entries.size() * MAX_ENTRY_SHARE) {
                states.put(t.text(), TermStates.build(searcher, t, true));
            }
        }
        return Map.copyOf(states);
    }

    /** The number of distinct entries with a phrasing (or answer) that contains the current term. */
    private int entryFrequency(TermsEnum term) throws IOException {
        BitSet seen = new BitSet(entries.size());
        PostingsEnum postings = term.postings(null, PostingsEnum.NONE);
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            seen.set(ordByDoc[doc]);
        }
        return seen.cardinality();
    }

    private Query query(List<String> terms, List<String> words) {
        BooleanQuery.Builder phrasing = new BooleanQuery.Builder();
        int clauses = addTerms(phrasing, LuceneFaqIndex.PHRASING, phrasingTerms, terms);
        if (clauses == 0) {
            return null;
        }
        BooleanQuery.Builder answer = new BooleanQuery.Builder();
        if (addTerms(answer, LuceneFaqIndex.ANSWER, answerTerms, words) == 0) {
            return phrasing.build();
        }
        return new BooleanQuery.Builder()
                .add(phrasing.build(), BooleanClause.Occur.MUST)
                .add(new BoostQuery(answer.build(), ANSWER_WEIGHT), BooleanClause.Occur.SHOULD)
                .build();
    }

    private static int addTerms(BooleanQuery.Builder query, String field, Map<String, TermStates> known,
                                List<String> terms) {
        int added = 0;
        for (String term : terms) {
            TermStates states = known.get(term);
            if (states != null && added < MAX_CLAUSES) {
                query.add(new TermQuery(new Term(field, term), states), BooleanClause.Occur.SHOULD);
                added++;
            }
        }
        return added;
    }

    private static FaqEntry entryOf(Document doc) {
        List<String> paraphrases = new ArrayList<>();
        for (IndexableField field : doc.getFields(LuceneFaqIndex.PARAPHRASE)) {
            paraphrases.add(field.stringValue());
        }
        return new FaqEntry(doc.get(LuceneFaqIndex.ID), doc.get(LuceneFaqIndex.INTENT),
                doc.get(LuceneFaqIndex.QUESTION), paraphrases, doc.get(LuceneFaqIndex.ANSWER_TEXT));
    }

    private static void closeQuietly(Directory directory, Exception primary) {
        if (directory != null) {
            try {
                directory.close();
            } catch (IOException e) {
                primary.addSuppressed(e);
            }
        }
    }
}
