package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.transfer.ImportSet.Problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The problems found in an import, each naming its file relative to the imported folder. */
final class ImportProblems {

    private final Path root;
    private final List<Problem> problems = new ArrayList<>();

    ImportProblems(Path root) {
        this.root = root;
    }

    void add(Path file, int line, String message) {
        problems.add(new Problem(display(file), line, message));
    }

    void add(Problem problem) {
        problems.add(problem);
    }

    void addAll(List<Problem> more) {
        problems.addAll(more);
    }

    List<Problem> list() {
        return List.copyOf(problems);
    }

    String display(Path file) {
        String relative = root.relativize(file).toString();
        return relative.isEmpty() ? file.toString() : relative;
    }
}
