package dev.kefu.channel.http;

import java.io.IOException;
import org.eclipse.jetty.http.BadMessageException;

/**
 * Exceptions that a client caused rather than kefu: a body cut off mid-way (the client went away,
 * or its deadline passed), a malformed chunk size, a path parameter with a bad %-escape such as
 * {@code %uXXXX}. They are 4xx with one log line, not 500s with a stack trace.
 */
final class ClientFaults {
    /** The status and message for a client-caused failure. */
    record Fault(int status, String message) {
    }

    private ClientFaults() {
    }

    /** The fault {@code e} stands for, or null when it is kefu's own failure. */
    static Fault of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BadMessageException bad) {
                int code = bad.getCode() >= 400 && bad.getCode() < 500 ? bad.getCode() : 400;
                return new Fault(code, "bad request: " + (bad.getReason() == null ? "malformed HTTP message" : bad.getReason()));
            }
            if (t instanceof IOException) {
                return new Fault(400, "the request body could not be read whole (cut off, too slow, or a malformed "
                        + "chunk): " + t.getClass().getSimpleName());
            }
            if (t instanceof IllegalArgumentException && fromUrlDecoder(t)) {
                return new Fault(400, "malformed %-escape in the path; escape characters as UTF-8 bytes (%E9%80%80)");
            }
        }
        return null;
    }

    private static boolean fromUrlDecoder(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().equals("java.net.URLDecoder")) {
                return true;
            }
        }
        return false;
    }
}
