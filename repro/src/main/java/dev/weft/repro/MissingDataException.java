package dev.weft.repro;

/**
 * A reproduction's data set is not where it was looked for. The message says which folder and files are
 * needed and how to point at them; the command line prints it alone (no stack trace), since nothing failed
 * but the setup.
 */
public final class MissingDataException extends RuntimeException {
    public MissingDataException(String message) {
        super(message);
    }
}
