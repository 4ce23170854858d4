package nl.afsprakenwiki.agreements;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of a block-wise three-way merge ({@link ThreeWayMerge#merge}), never with conflict
 * markers in it: the merged text as a list of parts, in order, each either merged text (blocks
 * both sides agree on or that only one side changed, with the blank lines around them) or the
 * place of a conflict, and the conflicts themselves. The text is the parts put together, each
 * conflict replaced by the text chosen for it; with no conflicts that is simply {@link #text()}.
 */
public record MergeResult(List<Part> parts, List<BlockConflict> conflicts) {

    public MergeResult {
        parts = List.copyOf(parts);
        conflicts = List.copyOf(conflicts);
    }

    /** A piece of the merged text. */
    public sealed interface Part {
    }

    /** Text that merged cleanly, exactly as it goes into the result (blank lines included). */
    public record Merged(String text) implements Part {
    }

    /** Where conflict {@code index} goes: its chosen text replaces this part. */
    public record ConflictAt(int index) implements Part {
    }

    /**
     * A run of blocks that both sides changed differently (or different blocks both inserted at the
     * same place): the common base's text and each side's, as markdown; "" where a side has none
     * (it deleted the blocks, or the base had none there).
     */
    public record BlockConflict(int index, String base, String mine, String theirs) {

        /** The text for {@code choice}; {@code own} is the writer's own text for {@link Choice#EDIT}. */
        public String resolve(Choice choice, String own) {
            return switch (choice) {
                case MINE -> mine;
                case THEIRS -> theirs;
                case MINE_FIRST -> both(mine, theirs);
                case THEIRS_FIRST -> both(theirs, mine);
                case EDIT -> own == null ? "" : RevisionContent.normaliseLineEndings(own).strip();
            };
        }

        private static String both(String first, String second) {
            if (first.isEmpty() || second.isEmpty()) {
                return first + second;
            }
            return first + "\n\n" + second;
        }
    }

    /** What a writer chooses for one conflict; {@link #formValue} is how forms send it. */
    public enum Choice {
        MINE, THEIRS, MINE_FIRST, THEIRS_FIRST, EDIT;

        public String formValue() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Choice> fromForm(String value) {
            for (Choice choice : values()) {
                if (choice.formValue().equals(value)) {
                    return Optional.of(choice);
                }
            }
            return Optional.empty();
        }
    }

    public boolean clean() {
        return conflicts.isEmpty();
    }

    /** The merged text; only for a clean merge, since a conflict has no text until it is resolved. */
    public String text() {
        if (!clean()) {
            throw new IllegalStateException(conflicts.size() + " conflicts are not resolved");
        }
        return resolve(List.of());
    }

    /**
     * The text with conflict {@code i} replaced by {@code resolutions.get(i)}. A conflict resolved to
     * nothing takes the blank lines after it along, so that no gap of blank lines is left.
     */
    public String resolve(List<String> resolutions) {
        if (resolutions.size() != conflicts.size()) {
            throw new IllegalArgumentException(conflicts.size() + " conflicts, " + resolutions.size() + " resolutions");
        }
        StringBuilder text = new StringBuilder();
        boolean dropLeadingBlankLines = false;
        for (Part part : parts) {
            if (part instanceof ConflictAt at) {
                String chosen = resolutions.get(at.index());
                text.append(chosen);
                dropLeadingBlankLines = chosen.isEmpty();
            } else if (part instanceof Merged merged) {
                text.append(dropLeadingBlankLines ? stripLeadingNewlines(merged.text()) : merged.text());
                dropLeadingBlankLines = false;
            }
        }
        if (dropLeadingBlankLines) {
            while (!text.isEmpty() && Character.isWhitespace(text.charAt(text.length() - 1))) {
                text.setLength(text.length() - 1);
            }
        }
        return text.toString();
    }

    /** The text with every conflict resolved by the same choice (e.g. to prefill an editor). */
    public String resolveAll(Choice choice) {
        List<String> resolutions = new ArrayList<>();
        conflicts.forEach(conflict -> resolutions.add(conflict.resolve(choice, conflict.mine())));
        return resolve(resolutions);
    }

    /** The text without its leading blank lines (the indentation of its first line stays). */
    private static String stripLeadingNewlines(String text) {
        int firstVisible = 0;
        while (firstVisible < text.length() && Character.isWhitespace(text.charAt(firstVisible))) {
            firstVisible++;
        }
        return text.substring(text.lastIndexOf('\n', firstVisible - 1) + 1);
    }
}
