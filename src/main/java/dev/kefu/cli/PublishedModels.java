package dev.kefu.cli;

import dev.kefu.studio.version.Publication;
import dev.kefu.studio.version.VersionStore;
import dev.kefu.studio.version.Versions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The models {@code serve} loads: the version published in the database when there is one (its
 * files written once to a directory of this process, whole before it is renamed into place), else
 * the files of {@code --models}. Thread-safe.
 */
final class PublishedModels {
    private final VersionStore store;
    private final Path modelsDir;
    private final Path corpusDir;
    private final Path cache;

    PublishedModels(VersionStore store, Path modelsDir, Path corpusDir) {
        this.store = Objects.requireNonNull(store, "store");
        this.modelsDir = Objects.requireNonNull(modelsDir, "modelsDir");
        this.corpusDir = corpusDir;
        try {
            this.cache = Files.createTempDirectory("kefu-versions-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for published versions", e);
        }
    }

    /** The published version's id, or empty while the model files serve. */
    Optional<Long> publishedId() {
        return store.published().map(Publication::versionId);
    }

    /** Loads what is published now, with what {@code /health} says of it. */
    Loaded load() {
        Optional<Long> published = publishedId();
        Models models = published.isEmpty() ? Models.load(modelsDir, corpusDir, true)
                : Models.load(materialized(published.get()), null, true);
        Map<String, Object> info = new HashMap<>(models.describe());
        info.put("version", published.<Object>map(id -> id).orElse("files"));
        return new Loaded(models, published.orElse(0L), Map.copyOf(info));
    }

    /** Loads version {@code id} (ready) whether or not it is published, for the hit test. */
    Loaded loadVersion(long id) {
        Models models = Models.load(materialized(id), null, true);
        return new Loaded(models, id, Map.of("version", id));
    }

    /** Models and their version (0: the files of {@code --models}). */
    record Loaded(Models models, long version, Map<String, Object> info) {
    }

    private synchronized Path materialized(long id) {
        Path dir = cache.resolve("v" + id);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        try {
            Path fresh = Files.createTempDirectory(cache, "v" + id + "-");
            for (Map.Entry<String, byte[]> file : store.files(id).entrySet()) {
                if (file.getKey().startsWith(Versions.CORPUS_PREFIX)) {
                    continue;
                }
                Path target = fresh.resolve(file.getKey()).normalize();
                if (!target.startsWith(fresh)) {
                    throw new IllegalStateException("version " + id + " holds a file outside its directory: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write version " + id + " to " + cache, e);
        }
    }
}
