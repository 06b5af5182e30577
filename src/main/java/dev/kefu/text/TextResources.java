package dev.kefu.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** User-facing texts shipped as UTF-8 {@code .properties} files beside the class that uses them. */
public final class TextResources {
    private TextResources() {
    }

    /** The properties in {@code name}, resolved relative to {@code owner}'s package. */
    public static Properties load(Class<?> owner, String name) {
        Properties properties = new Properties();
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath beside " + owner.getName());
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return properties;
    }
}
