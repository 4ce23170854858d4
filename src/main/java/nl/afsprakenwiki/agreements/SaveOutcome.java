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
     * Someone else changed the same part since {@code baseRevision}. Nothing was written. The writer
     * gets their own text back, the other revision, and a draft with the conflicting parts marked.
     */
    record Conflict(int baseRevision, Revision theirs, String mineTitle, String mineBody,
                    String draftTitle, String draftBody, boolean titleConflict, int conflicts) implements SaveOutcome {
    }
}
