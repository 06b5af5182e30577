package dev.kefu.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsed {@code --name value} options of one command; unknown or incomplete options are usage errors. */
final class Options {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhd])");
    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    /** Parses {@code args}; {@code valued} take a value, {@code flags} take none. */
    static Options parse(List<String> args, Set<String> valued, Set<String> flags) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.startsWith("--") ? arg.substring(2) : null;
            String inline = null;
            if (name != null && name.contains("=")) {
                inline = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            }
            if (name != null && flags.contains(name) && inline == null) {
                values.put(name, "true");
            } else if (name != null && valued.contains(name)) {
                if (inline == null && (i + 1 >= args.size() || args.get(i + 1).startsWith("--"))) {
                    throw new UsageException("--" + name + " needs a value");
                }
                values.put(name, inline != null ? inline : args.get(++i));
            } else {
                throw new UsageException("unknown option '" + arg + "'");
            }
        }
        return new Options(values);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    Path path(String name, String fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback == null ? null : Path.of(fallback);
        }
        if (value.isBlank()) {
            throw new UsageException("--" + name + " must not be empty");
        }
        return Path.of(value);
    }

    int integer(String name, int fallback, int min, int max) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new UsageException("--" + name + " must be " + min + ".." + max + ", was " + value);
    }

    double decimal(String name, double fallback, double min, double max) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new UsageException("--" + name + " must be a number in " + min + ".." + max + ", was " + value);
    }

    /**
     * A positive duration such as {@code 30m}, {@code 45s}, {@code 2h} or {@code 1d}, at most
     * {@code max}; the value without a unit is rejected, so that minutes and seconds are never confused.
     */
    Duration duration(String name, Duration fallback, Duration max) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(value.strip());
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            Duration parsed = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            if (!parsed.isZero() && parsed.compareTo(max) <= 0) {
                return parsed;
            }
        }
        throw new UsageException("--" + name + " must be a duration from 1s to " + max.toDays()
                + "d such as 30m, 45s or 2h, was " + value);
    }
}
