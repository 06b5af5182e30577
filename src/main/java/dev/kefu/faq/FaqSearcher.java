package dev.kefu.faq;

import dev.kefu.text.Tokens;
import java.util.List;

/** Finds FAQ entries for one tokenized message. Implementations are thread-safe. */
public interface FaqSearcher {
    /** Up to {@code k} distinct entries, best first; empty when nothing matches. */
    List<FaqHit> search(Tokens tokens, int k);

    /** Every entry, in corpus order. */
    List<FaqEntry> entries();
}
