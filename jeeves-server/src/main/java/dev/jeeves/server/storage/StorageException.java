package dev.jeeves.server.storage;

/** The database failed (not the caller): answered as 503 by the HTTP API, logged with its cause. */
public final class StorageException extends RuntimeException {
    StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
