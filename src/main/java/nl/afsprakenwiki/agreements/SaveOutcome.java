package nl.afsprakenwiki.agreements;

/** What became of a save. */
public sealed interface SaveOutcome {

    /** A new revision was written; {@code mergedWith} is the revision it was merged with, or null. */
    record Saved(Revision revision, Integer mergedWith) implements SaveOutcome {
        public boolean merged() {
            return mergedWith != null;
        }
    }

    /** Nothing new to store: the text equals the current revision (perhaps after merging). */
    record Unchanged(int currentRevision, boolean detailsSaved) implements SaveOutcome {
    }

    /**
     * Someone else changed the same part since {@code base}. Nothing was written. The writer gets
     * their own text back, the other revision, and the merge: the clean parts and each conflicting
     * block ({@link MergeResult}). {@code mergedTitle} is null when both changed the title differently.
     */
    record Conflict(Revision base, Revision theirs, String mineTitle, String mineBody, String mergedTitle,
                    MergeResult body) implements SaveOutcome {

        public int baseRevision() {
            return base.number();
        }

        public boolean titleConflict() {
            return mergedTitle == null;
        }

        /** Conflicting blocks, plus one for the title if that conflicts too. */
        public int conflicts() {
            return body.conflicts().size() + (titleConflict() ? 1 : 0);
        }
    }
}
