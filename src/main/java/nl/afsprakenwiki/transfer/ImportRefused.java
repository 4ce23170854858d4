package nl.afsprakenwiki.transfer;

/**
 * An import folder that is refused as a whole before anything is read (it holds a symbolic link);
 * the message is one line of Dutch that names the file.
 */
public final class ImportRefused extends RuntimeException {

    ImportRefused(String message) {
        super(message);
    }
}
