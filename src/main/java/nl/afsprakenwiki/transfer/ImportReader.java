package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.text.Progress;
import nl.afsprakenwiki.transfer.ImportSet.AgreementFile;
import nl.afsprakenwiki.transfer.ImportSet.AgreementSpec;
import nl.afsprakenwiki.transfer.ImportSet.KoppelzoneSpec;
import nl.afsprakenwiki.transfer.ImportSet.Problem;

import nl.afsprakenwiki.privacy.KnownParties;
import nl.afsprakenwiki.privacy.PrivacyDetector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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
    private final MarkdownRenderer markdown;

    private final PrivacyDetector detector;
    private final KnownParties known;

    ImportReader(Path root, MarkdownRenderer markdown, Progress progress, PrivacyDetector detector, KnownParties known) {
        this.detector = detector;
        this.known = known;
        this.root = root;
        this.problems = new ImportProblems(root);
        FieldReader fields = new FieldReader(problems);
        SourceFiles sources = new SourceFiles(problems);
        this.koppelzoneFiles = new KoppelzoneFileReader(problems, fields, sources);
        this.agreementFiles = new AgreementFileReader(problems, fields, sources, markdown, detector, known);
        this.markdown = markdown;
        this.progress = progress;
    }

    /** The folder's content, or the problems that prevent importing it. */
    record Result(ImportSet set, List<Problem> problems) {
    }

    Result read() {
        List<Path> files = ImportFolder.files(root);
        List<KoppelzoneSpec> koppelzones = new ArrayList<>();
        List<AgreementFile> agreements = new ArrayList<>();
        Set<Path> historyDirs = new HashSet<>();
        int done = 0;
        for (Path file : files) {
            progress.step("lezen", ++done, files.size());
            String name = file.getFileName().toString();
            if (name.equals("koppelzone.yaml") || name.equals("koppelzone.yml")) {
                koppelzoneFiles.read(file).ifPresent(koppelzones::add);
            } else if (name.endsWith(".md") && !isInHistory(file) && !isAttachment(file)) {
                Path history = file.resolveSibling(name.substring(0, name.length() - 3) + ".history");
                historyDirs.add(history);
                // checked in full now, kept without its texts (read again while writing)
                agreementFiles.read(file, history).ifPresent(spec -> agreements.add(AgreementFile.of(file, history, spec)));
            }
        }
        files.stream().filter(this::isInHistory).map(Path::getParent).distinct()
                .filter(dir -> !historyDirs.contains(dir))
                .forEach(dir -> problems.add(dir, 0, "geschiedenismap zonder bijbehorend bestand "
                        + dir.getFileName().toString().replace(".history", ".md")));
        if (files.isEmpty()) {
            problems.add(new Problem(root.toString(), 0, "de map bevat geen .md-bestanden"));
        }
        problems.addAll(new CrossFileChecks().check(koppelzones, agreements.stream().map(AgreementFile::outline).toList()));
        return new Result(new ImportSet(koppelzones, agreements), problems.list());
    }

    /**
     * The agreement of {@code agreement} read again in full, to write it; empty, with the reason in
     * {@code failures}, when the file no longer reads as it did when it was checked.
     */
    Optional<AgreementSpec> again(AgreementFile agreement, List<String> failures) {
        ImportProblems fresh = new ImportProblems(root);
        Optional<AgreementSpec> spec = new AgreementFileReader(fresh, new FieldReader(fresh), new SourceFiles(fresh),
                markdown, detector, known).read(agreement.file(), agreement.history());
        if (spec.isEmpty() || !fresh.list().isEmpty() || !agreement.matches(spec.get())) {
            failures.add(agreement.outline().file() + ": het bestand is tijdens de import gewijzigd");
            return Optional.empty();
        }
        return spec;
    }

    /** A file in a folder of attachments ({@code slug.bijlagen/}, {@code n.bijlagen/}): read by {@link AttachmentReader}. */
    private boolean isAttachment(Path file) {
        Path parent = file.getParent();
        return parent != null && !parent.equals(root) && parent.getFileName().toString().endsWith(".bijlagen");
    }

    private boolean isInHistory(Path file) {
        Path parent = file.getParent();
        return parent != null && !parent.equals(root) && parent.getFileName().toString().endsWith(".history");
    }
}
