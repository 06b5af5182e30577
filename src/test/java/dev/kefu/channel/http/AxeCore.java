package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core's rules run in the page a browser test has open: the script comes from
 * {@code com.deque.html.axe-core:selenium} on the test classpath (a registry package, not a copy).
 */
final class AxeCore {
    private static volatile String script;

    private AxeCore() {
    }

    /** axe-core's serious and critical violations on the page, one line each (rule, impact, elements, why). */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(JavascriptExecutor page) {
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object'"))) {
            page.executeScript(script());
        }
        return (List<String>) page.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => JSON.stringify(n.target) + ' '"
                + " + n.failureSummary).join('; '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
    }

    private static String script() {
        if (script == null) {
            try (InputStream in = AxeCore.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                assertThat(in).as("axe.min.js from com.deque.html.axe-core:selenium on the test classpath").isNotNull();
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }
}
