/**
 * Step 1 and 2 of the pipeline: text normalization and tokenization.
 *
 * <p>{@link dev.kefu.text.TextNormalizer} turns raw user input into the canonical form every
 * later step sees; {@link dev.kefu.text.Tokenizer} turns that form into {@link dev.kefu.text.Tokens}
 * (smartcn words, synonym-canonical tokens, character n-grams). One tokenizer instance serves
 * training, classification and FAQ search. This package depends on nothing else in kefu; only
 * {@link dev.kefu.text.SmartcnTokenizer} imports Lucene and only {@link dev.kefu.text.ChineseVariants}
 * imports ICU4J.
 */
package dev.kefu.text;
