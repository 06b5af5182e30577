package dev.kefu.intent.maxent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites an OpenNLP model archive so that the same training gives the same bytes: OpenNLP stamps
 * the manifest with the training time and the zip entries with the write time, which would make
 * every {@code train} a diff in git even when the parameters are identical.
 */
final class ReproducibleModelFile {
    private static final String MANIFEST = "manifest.properties";
    private static final long FIXED_TIME = 315532800000L; // 1980-01-01, the zip epoch

    private ReproducibleModelFile() {
    }

    static void write(byte[] archive, Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(archive.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(MANIFEST)) {
                    content = withoutTimestamps(content);
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(FIXED_TIME);
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            bytes.writeTo(out);
        }
    }

    private static byte[] withoutTimestamps(byte[] manifest) {
        String text = new String(manifest, StandardCharsets.ISO_8859_1);
        String stable = text.lines()
                .filter(line -> !line.startsWith("#"))
                .map(line -> line.startsWith("Timestamp=") ? "Timestamp=0" : line)
                .sorted()
                .collect(Collectors.joining("\n", "", "\n"));
        return stable.getBytes(StandardCharsets.ISO_8859_1);
    }
}
