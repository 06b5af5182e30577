package dev.kefu.cli;

import java.io.PrintStream;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Whether a stream of this process is a terminal (Java 17 only says so of stdin and stdout
 * together, through {@code System.console()}). Asked of JLine's native provider, else of its exec
 * provider; when neither can tell, the answer is no, so that logs get plain lines. Stateless.
 */
final class Terminals {
    private static final String[] PROVIDERS = {"jni", "exec"};

    private Terminals() {
    }

    /** True when {@code err} is this process's stderr and that is a terminal. */
    static boolean isTerminal(PrintStream err) {
        return err == System.err && isSystemTerminal(SystemStream.Error);
    }

    /** True when stdin and stdout are this process's own and both are terminals. */
    static boolean isInteractive(Object in, PrintStream out) {
        return in == System.in && out == System.out && isSystemTerminal(SystemStream.Input)
                && isSystemTerminal(SystemStream.Output);
    }

    private static boolean isSystemTerminal(SystemStream stream) {
        for (String name : PROVIDERS) {
            try {
                return TerminalProvider.load(name).isSystemStream(stream);
            } catch (java.io.IOException | RuntimeException | LinkageError e) {
                // this provider is not available here (no native library, no /bin/test): ask the next
            }
        }
        return false;
    }
}
