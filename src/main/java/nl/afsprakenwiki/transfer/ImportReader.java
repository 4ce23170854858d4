package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.text.Progress;
import nl.afsprakenwiki.transfer.ImportSet.AgreementSpec;
import nl.afsprakenwiki.transfer.ImportSet.KoppelzoneSpec;
import nl.afsprakenwiki.transfer.ImportSet.Problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a folder in the import format (docs/IMPORT-FORMAT.md) into an {@link ImportSet}, collecting
 * every problem in every file instead of stopping at the first. This class finds the files; each
 * kind of file has its own reader ({@link KoppelzoneFileReader}, {@link AgreementFileReader}).
 */
final class ImportReader {

    private final Path root;
    private final Progress progress;
    private final ImportProblems problems;
    private final KoppelzoneFileReader koppelzoneFiles;
    private final AgreementFileReader agreementFiles;

    ImportReader(Path root, MarkdownRenderer markdown, Progress progress) {
        this.root = root;
        this.problems = new ImportProblems(root);
        FieldReader fields = new FieldReader(problems);
        SourceFiles sources = new SourceFiles(problems);
        this.koppelzoneFiles = new KoppelzoneFileReader(problems, fields, sources);
        this.agreementFiles = new AgreementFileReader(problems, fields, sources, markdown);
        this.progress = progress;
    }

    /** The folder's content, or the problems that prevent importing it. */
    record Result(ImportSet set, List<Problem> problems) {
    }

    Result read() {
        List<Path> files = ImportFolder.files(root);
        List<KoppelzoneSpec> koppelzones = new ArrayList<>();
        List<AgreementSpec> agreements = new ArrayList<>();
        Set<Path> historyDirs = new HashSet<>();
        int done = 0;
        for (Path file : files) {
            progress.step("lezen", ++done, files.size());
            String name = file.getFileName().toString();
            if (name.equals("koppelzone.yaml") || name.equals("koppelzone.yml")) {
                koppelzoneFiles.read(file).ifPresent(koppelzones::add);
            } else if (name.endsWith(".md") && !isInHistory(file)) {
                Path history = file.resolveSibling(name.substring(0, name.length() - 3) + ".history");
                historyDirs.add(history);
                agreementFiles.read(file, history).ifPresent(agreements::add);
            }
        }
        files.stream().filter(this::isInHistory).map(Path::getParent).distinct()
                .filter(dir -> !historyDirs.contains(dir))
                .forEach(dir -> problems.add(dir, 0, "geschiedenismap zonder bijbehorend bestand "
                        + dir.getFileName().toString().replace(".history", ".md")));
        if (files.isEmpty()) {
            problems.add(new Problem(root.toString(), 0, "de map bevat geen .md-bestanden"));
        }
        problems.addAll(new CrossFileChecks().check(koppelzones, agreements));
        return new Result(new ImportSet(koppelzones, agreements), problems.list());
    }

    private boolean isInHistory(Path file) {
        Path parent = file.getParent();
        return parent != null && !parent.equals(root) && parent.getFileName().toString().endsWith(".history");
    }
}
