package dev.kefu.studio;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Durable storage of the draft knowledge base and its change log. Implementations are thread-safe. */
public interface KbStore {
    /** The whole draft as committed now. */
    KbSnapshot snapshot();

    /**
     * Plans an edit on the current draft while no other edit runs (on any instance) and applies it,
     * all in one transaction; {@code plan} throwing leaves the draft as it was.
     */
    <T> T edit(Function<KbSnapshot, KbEdit<T>> plan);

    /** The changes of one item, oldest first. */
    List<KbChange> history(KbChange.Kind kind, String item);

    /** One recorded change. */
    Optional<KbChange> change(long id);
}
