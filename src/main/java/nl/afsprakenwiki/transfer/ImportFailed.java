package nl.afsprakenwiki.transfer;

import java.util.List;

/** An import that changed nothing because of these problems (each "file:line: message"). */
public final class ImportFailed extends Exception {

    private final List<String> problems;

    public ImportFailed(List<String> problems) {
        super(problems.size() == 1 ? "1 problem" : problems.size() + " problems");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
