package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.agreements.AttachmentEditing;
import nl.afsprakenwiki.files.FileNames;
import nl.afsprakenwiki.files.FileType;
import nl.afsprakenwiki.files.StoredFiles;
import nl.afsprakenwiki.transfer.FrontMatter.Invalid;
import nl.afsprakenwiki.transfer.FrontMatter.Value;
import nl.afsprakenwiki.transfer.ImportSet.AttachmentSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code attachments} of a revision file: the names it lists, each found in the revision's
 * folders of files (docs/IMPORT-FORMAT.md) and checked as an upload in the wiki is — a safe name, at
 * most 10 MB, one of the accepted types by its content, an extension that says that type.
 */
final class AttachmentReader {

    private final ImportProblems problems;

    AttachmentReader(ImportProblems problems) {
        this.problems = problems;
    }

    /** The folders a file of revision file {@code file} may be in, most specific first. */
    static List<Path> folders(Path file, boolean head) {
        String name = file.getFileName().toString();
        String stem = name.substring(0, name.length() - 3);
        if (head) {
            return List.of(file.resolveSibling(stem + ".bijlagen"));
        }
        Path history = file.getParent();
        String agreement = history.getFileName().toString().replaceFirst("\\.history$", "");
        return List.of(history.resolve(stem + ".bijlagen"), history.resolveSibling(agreement + ".bijlagen"));
    }

    List<AttachmentSpec> read(Path file, FrontMatter yaml, List<Path> folders) throws Invalid {
        var value = yaml.get("attachments");
        if (value.isEmpty()) {
            return List.of();
        }
        List<AttachmentSpec> attachments = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Value item : value.get().items(yaml.lineOffset())) {
            String name = item.text().orElse("").strip();
            if (!FileNames.valid(name)) {
                problems.add(file, item.line(), "bijlage '" + name + "': een bijlagenaam heeft alleen letters, cijfers,"
                        + " '.', '_' en '-', en een extensie");
            } else if (!seen.add(name)) {
                problems.add(file, item.line(), "bijlage '" + name + "' staat er twee keer");
            } else {
                check(file, item.line(), name, folders).ifPresent(attachments::add);
            }
        }
        if (attachments.size() > AttachmentEditing.MAX_PER_REVISION) {
            problems.add(file, value.get().line(), "meer dan " + AttachmentEditing.MAX_PER_REVISION + " bijlagen");
        }
        return List.copyOf(attachments);
    }

    private Optional<AttachmentSpec> check(Path file, int line, String name, List<Path> folders) {
        Path found = folders.stream().map(folder -> folder.resolve(name)).filter(Files::isRegularFile).findFirst()
                .orElse(null);
        if (found == null) {
            problems.add(file, line, "bijlage '" + name + "' ontbreekt; verwacht in " + problems.display(folders.get(0)));
            return Optional.empty();
        }
        try {
            long size = Files.size(found);
            if (size == 0 || size > FileType.MAX_BYTES) {
                problems.add(file, line, "bijlage '" + name + "' is " + (size == 0 ? "leeg" : "groter dan 10 MB"));
                return Optional.empty();
            }
            FileType type = FileType.detect(found).orElse(null);
            if (type == null) {
                problems.add(file, line, "bijlage '" + name + "' is geen PDF, DOCX, XLSX, ODT, ODS, PNG of JPEG");
                return Optional.empty();
            }
            if (!type.matchesName(name)) {
                problems.add(file, line, "bijlage '" + name + "': de naam past niet bij de inhoud, een "
                        + type.extensions().get(0).toUpperCase() + "-bestand");
                return Optional.empty();
            }
            return Optional.of(new AttachmentSpec(name, found, StoredFiles.sha256(found), size, type.code()));
        } catch (IOException e) {
            problems.add(file, line, "kan bijlage '" + name + "' niet lezen: " + e.getMessage());
            return Optional.empty();
        }
    }
}
