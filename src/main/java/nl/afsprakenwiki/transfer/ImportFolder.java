package nl.afsprakenwiki.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files an import reads: every regular file below the folder, hidden ones (.git, .DS_Store) left
 * out. A symbolic link anywhere in it refuses the whole import: following one would read files from
 * outside the folder the operator named (say a link to /etc), and not following it would silently
 * leave out what it points to.
 */
final class ImportFolder {

    private ImportFolder() {
    }

    /** The regular files below {@code root}, sorted; throws {@link TransferRefused} on a symbolic link. */
    static List<Path> files(Path root) {
        if (Files.isSymbolicLink(root)) {
            throw new TransferRefused("de importmap " + root + " is een symbolische koppeling; geef de map zelf op. Er is niets geïmporteerd.");
        }
        List<Path> files = new ArrayList<>();
        // Files.walk does not follow links: each link shows up as itself
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted().toList()) {
                Path relative = root.relativize(path);
                if (hidden(relative) || relative.toString().chars().anyMatch(c -> c == '\0')) {
                    continue;
                }
                if (Files.isSymbolicLink(path)) {
                    throw new TransferRefused("de importmap bevat een symbolische koppeling: " + path
                            + "; import volgt geen koppelingen - zet het bestand zelf in de map. Er is niets geïmporteerd.");
                }
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read folder " + root, e);
        }
        return files;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
