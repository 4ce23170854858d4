package nl.afsprakenwiki.transfer;

/**
 * An import or export refused as a whole before anything was written: an import folder with a
 * symbolic link, an export folder that is not empty. The message is one line of Dutch that names
 * the file and says what to do.
 */
public final class TransferRefused extends RuntimeException {

    TransferRefused(String message) {
        super(message);
    }
}
