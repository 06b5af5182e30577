package dev.kefu.studio;

import java.util.List;

/**
 * Where an item sits in its corpus file: its order key, and the comment and blank lines just before
 * it, kept so that an imported file is exported byte for byte. Items are written by
 * {@code position}, ties in the order they were made.
 */
public record Placement(long position, List<String> lead) {
    public Placement {
        lead = List.copyOf(lead);
        for (String line : lead) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                throw new IllegalArgumentException("a lead line must be blank or a # comment, was '" + line + "'");
            }
        }
    }

    /** At {@code position}, with nothing before it. */
    public static Placement at(long position) {
        return new Placement(position, List.of());
    }
}
