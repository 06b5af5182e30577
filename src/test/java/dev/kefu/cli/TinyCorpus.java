package dev.kefu.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies the tiny valid corpus of {@code src/test/resources/dev/kefu/cli/tiny-corpus} into a directory. */
final class TinyCorpus {
    static final String REFUND_ANSWER = "退款会原路退回：\n1. 余额：即时到账；\n2. 银行卡：1-7 个工作日。";

    private TinyCorpus() {
    }

    /** {@code dir}, created if needed, holding intents.tsv, faq.txt and synonyms.txt. */
    static Path copyTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : ModelManifest.CORPUS_FILES) {
            try (InputStream in = TinyCorpus.class.getResourceAsStream("tiny-corpus/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("test resource tiny-corpus/" + name + " is missing");
                }
                Files.copy(in, dir.resolve(name));
            }
        }
        return dir;
    }
}
