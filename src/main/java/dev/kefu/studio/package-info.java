/**
 * The studio's knowledge base: the FAQ entries and intent examples as a draft working copy in the
 * database, every change recorded (who, when, before and after, why), validated by the same loaders
 * that read {@code corpus/}, and written back to {@code corpus/} in today's formats.
 *
 * <p>{@link dev.kefu.studio.KbEditor} is the front door: it plans each change against a
 * {@link dev.kefu.studio.KbSnapshot} of the whole draft and hands it to the
 * {@link dev.kefu.studio.KbStore} to apply in one transaction. {@link dev.kefu.studio.CorpusFormat}
 * turns a snapshot into the corpus files and files into a snapshot. Depends on {@code faq},
 * {@code intent} and {@code text}; never on HTTP or JDBC (the store adapter lives in {@code store}).
 */
package dev.kefu.studio;
