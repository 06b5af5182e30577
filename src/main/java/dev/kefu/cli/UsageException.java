package dev.kefu.cli;

/** A command line that cannot be run as written; exits with 2 and the command's usage. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
