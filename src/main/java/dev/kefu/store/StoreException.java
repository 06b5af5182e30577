package dev.kefu.store;

/** The database could not do what was asked (unavailable, full, constraint broken). */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
