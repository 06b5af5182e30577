/**
 * Step 4 of the pipeline: finding the FAQ answer.
 *
 * <p>{@link dev.kefu.faq.FaqCorpus} reads {@code corpus/faq.txt}; {@link dev.kefu.faq.LuceneFaqIndex}
 * builds the Lucene index at train time; {@link dev.kefu.faq.FaqSearcher} returns the best entries
 * for the tokens of one message. Depends only on {@code dev.kefu.text}; only the {@code Lucene*}
 * classes import Lucene.
 */
package dev.kefu.faq;
