package dev.kefu.cli;

import dev.kefu.dialog.ChatEngine;
import dev.kefu.dialog.policy.Thresholds;
import dev.kefu.studio.version.HitTest;
import dev.kefu.studio.version.KbVersion;
import dev.kefu.studio.version.VersionStore;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The studio's hit test: a message through the analysis and the policy of the published models
 * and of the last version trained, on engines with conversations of their own (nothing is
 * recorded). The last version's models are loaded when first asked and kept until a newer one is
 * ready. Thread-safe.
 */
final class StudioHitTests implements HitTest.Runner {
    private final Supplier<PublishedModels.Loaded> serving;
    private final VersionStore versions;
    private final PublishedModels published;
    private final AtomicReference<PublishedModels.Loaded> draft = new AtomicReference<>();

    StudioHitTests(Supplier<PublishedModels.Loaded> serving, VersionStore versions, PublishedModels published) {
        this.serving = Objects.requireNonNull(serving, "serving");
        this.versions = Objects.requireNonNull(versions, "versions");
        this.published = Objects.requireNonNull(published, "published");
    }

    @Override
    public HitTest published(String text) {
        PublishedModels.Loaded now = serving.get();
        return test(now, now.version() == 0 ? "files" : String.valueOf(now.version()), text);
    }

    @Override
    public HitTest draft(String text) {
        KbVersion last = versions.list().stream().filter(v -> v.status() == KbVersion.Status.READY).findFirst().orElse(null);
        if (last == null) {
            return null;
        }
        PublishedModels.Loaded loaded = draft.updateAndGet(d -> d != null && d.version() == last.id() ? d
                : published.loadVersion(last.id()));
        return test(loaded, String.valueOf(last.id()), text);
    }

    private static HitTest test(PublishedModels.Loaded loaded, String version, String text) {
        ChatEngine engine = loaded.models().engine(Thresholds.DEFAULT, null); // conversations of its own, in memory
        return HitTest.of(engine, version, text);
    }
}
