package dev.kefu.eval.html;

import java.util.Locale;

/**
 * Escaping and number formatting for the HTML/SVG output. The page is also well-formed XML, so
 * that it can be checked by an XML parser: characters XML forbids are replaced by U+FFFD.
 */
final class Markup {
    private Markup() {
    }

    /** {@code text} safe inside an element or a quoted attribute. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(allowedInXml(c) ? c : '\uFFFD');
            }
        }
        return out.toString();
    }

    private static boolean allowedInXml(char c) {
        return c >= 0x20 && c != 0xFFFE && c != 0xFFFF || c == '\t' || c == '\n' || c == '\r';
    }

    /** A rate as {@code 0.968}. */
    static String rate(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** An axis tick label, one decimal. */
    static String tick(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A coordinate for SVG, one decimal, dot as decimal separator. */
    static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** An SVG text element; {@code anchor} is start, middle or end. */
    static String text(double x, double y, String anchor, String content) {
        return "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\" text-anchor=\"" + anchor + "\">" + escape(content)
                + "</text>";
    }

    /** The opening tag of a scalable SVG of the given drawing size, with an accessible title. */
    static String svgOpen(double width, double height, String title) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n(width) + " " + n(height)
                + "\" role=\"img\" aria-label=\"" + escape(title) + "\"><title>" + escape(title) + "</title>";
    }
}
