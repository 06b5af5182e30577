package dev.kefu.text;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads corpus files the same way everywhere: UTF-8, a leading byte-order mark ignored, clear errors. */
public final class CorpusFiles {
    private CorpusFiles() {
    }

    /** The lines of {@code file}, without line terminators and without a leading BOM. */
    public static List<String> readLines(Path file) {
        List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new CorpusException(file + ": file not found");
        } catch (CharacterCodingException e) {
            throw new CorpusException(file + ": not valid UTF-8");
        } catch (IOException e) {
            throw new CorpusException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        return lines;
    }
}
