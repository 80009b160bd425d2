package org.imageorganizer.store;

import java.sql.SQLException;
import org.h2.api.ErrorCode;

/**
 * The library database could not be opened or used. The message is one line a user can act on,
 * naming the file (or database) and what is wrong; the technical cause is kept as the cause.
 */
public class LibraryException extends org.imageorganizer.model.ExplainedException {

    /**
     * @param message one line for the user
     */
    public LibraryException(String message) {
        super(message);
    }

    /**
     * @param message one line for the user
     * @param cause   the technical reason
     */
    public LibraryException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Translates a failure to connect into a sentence naming {@code where} and the reason. */
    static LibraryException cannotOpen(String where, SQLException e) {
        return new LibraryException("Cannot open the library " + where + ": " + reason(e) + ".", e);
    }

    private static String reason(SQLException e) {
        switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1:
                return "it is in use by another program that does not share it; close that program and try again";
            case ErrorCode.FILE_CORRUPTED_1:
                return "the file is damaged or is not a library database";
            case ErrorCode.IO_EXCEPTION_1:
            case ErrorCode.IO_EXCEPTION_2:
                return "the file could not be read; it may not be a library database, or access was refused";
            case ErrorCode.FILE_VERSION_ERROR_1:
                return "it was written by an incompatible version of the H2 database engine";
            case ErrorCode.DATABASE_IS_READ_ONLY:
                return "it is read-only; check the file's permissions";
            case ErrorCode.FILE_CREATION_FAILED_1:
                return "the file could not be created; check the folder's permissions";
            case ErrorCode.FILE_ENCRYPTION_ERROR_1:
                return "the file is encrypted or is not a library database";
            case ErrorCode.WRONG_USER_OR_PASSWORD:
                return "wrong user name or password";
            case ErrorCode.CONNECTION_BROKEN_1:
            case ErrorCode.EXCEPTION_OPENING_PORT_2:
                return "the program that shares it could not be reached (" + firstLine(e.getMessage()) + ")";
            default:
                return firstLine(e.getMessage());
        }
    }

    /** The first line of a message, without H2's trailing {@code [code-version]} marker. */
    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        return line.replaceFirst("\\s*\\[\\d+-\\d+]$", "");
    }
}
