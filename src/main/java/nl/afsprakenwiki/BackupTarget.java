package nl.afsprakenwiki;

import nl.afsprakenwiki.db.DiskFull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code backup} writes its copy, checked before the copy starts so that the reason it cannot
 * be written is said plainly (SQLite would only say "unable to open database file").
 */
final class BackupTarget {

    private BackupTarget() {
    }

    /** Throws {@link CommandFailed} unless {@code target} is new and its folder takes a file. */
    static void check(Path target) {
        Path file = target.toAbsolutePath();
        if (Files.exists(file)) {
            throw new CommandFailed("het bestand voor de kopie bestaat al: " + target);
        }
        if (Files.exists(attachments(target))) {
            throw new CommandFailed("de map voor de bijlagen van de kopie bestaat al: " + attachments(target));
        }
        Path folder = file.getParent();
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw cannotWrite(target, existing + " is een bestand, geen map");
        }
        if (!Files.isDirectory(folder)) {
            throw cannotWrite(target, "de map " + folder + " bestaat niet");
        }
        try {
            // a real write says more than the permission bits (root, read-only mounts, ACLs)
            Files.delete(Files.createTempFile(folder, ".afsprakenwiki-kopie-", ".tmp"));
        } catch (IOException e) {
            throw cannotWrite(target, CommandFailed.reason(e) + " in de map " + folder);
        }
    }

    /**
     * Where the copy's attachment files go: a folder beside it, {@code wiki.db.bijlagen/}, in the
     * layout of the data directory's {@code attachments/} (restore it as that folder).
     */
    static Path attachments(Path target) {
        return target.resolveSibling(target.getFileName() + ".bijlagen");
    }

    /** What to say when the copy itself failed; a partial copy is removed. */
    static RuntimeException failed(Path target, RuntimeException e) {
        try {
            Files.deleteIfExists(target);
            Path files = attachments(target);
            if (Files.isDirectory(files)) {
                try (var walk = Files.walk(files)) {
                    for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        } catch (IOException suppressed) {
            e.addSuppressed(suppressed);
        }
        if (DiskFull.causedBy(e)) {
            return cannotWrite(target, "de schijf is vol; de halve kopie is verwijderd");
        }
        if (String.valueOf(e.getMessage()).contains("SQLITE_CANTOPEN")) {
            return cannotWrite(target, "het bestand kan niet worden aangemaakt");
        }
        return e;
    }

    private static CommandFailed cannotWrite(Path target, String reason) {
        return new CommandFailed("kan de kopie niet schrijven naar " + target + ": " + reason);
    }
}
