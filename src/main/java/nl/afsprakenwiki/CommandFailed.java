package nl.afsprakenwiki;

import nl.afsprakenwiki.db.DiskFull;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * A command failed in a way we expected (a port in use, a data directory that cannot be written):
 * the command line prints its message, one line of Dutch, and exits with 1 - no stack trace.
 */
final class CommandFailed extends RuntimeException {

    CommandFailed(String message) {
        super(message);
    }

    CommandFailed(String message, Throwable cause) {
        super(message, cause);
    }

    /** Why a file operation failed, in Dutch, to follow "…: ". */
    static String reason(Throwable failure) {
        if (DiskFull.causedBy(failure)) {
            return "de schijf is vol";
        }
        if (failure instanceof AccessDeniedException) {
            return "geen toestemming";
        }
        if (failure instanceof NoSuchFileException) {
            return "de map bestaat niet";
        }
        if (failure instanceof NotDirectoryException) {
            return "het is geen map";
        }
        if (failure instanceof FileAlreadyExistsException) {
            return "het bestaat al";
        }
        String words = failure instanceof FileSystemException files ? files.getReason() : failure.getMessage();
        String lower = words == null ? "" : words.toLowerCase(Locale.ROOT);
        if (lower.contains("read-only file system") || lower.contains("readonly")) {
            return "het bestandssysteem is alleen-lezen";
        }
        if (lower.contains("permission denied") || lower.contains("access is denied")) {
            return "geen toestemming";
        }
        if (lower.contains("not a directory")) {
            return "een deel van het pad is een bestand, geen map";
        }
        return "onverwachte fout van het bestandssysteem (" + failure.getClass().getSimpleName() + ")";
    }
}
