package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Refused;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Adding, replacing and removing a file of an agreement. Each change is a new revision with the same
 * text, written like any save: on top of a base revision, merged when someone saved meanwhile (the
 * lists merge by name: both sides' changes are kept; the same name changed differently on both
 * sides is a conflict and nothing is written). The file itself must be stored before (files.StoredFiles).
 */
public final class AttachmentEditing {

    /** Most files one revision may include. */
    public static final int MAX_PER_REVISION = 50;

    private final Database db;
    private final AgreementStore store;
    private final AuditLog audit;
    private final Clock clock;

    public AttachmentEditing(Database db, AgreementStore store, AuditLog audit, Clock clock) {
        this.db = db;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** A change of one name: a file put under it (added or replaced), or the name removed. */
    public sealed interface Change {
        String name();
    }

    public record Put(Attachment attachment) implements Change {
        @Override
        public String name() {
            return attachment.name();
        }
    }

    public record Remove(String name) implements Change {
    }

    /** Applies {@code change} to revision {@code baseRevision}'s files; see the class comment. */
    public SaveOutcome change(long id, int baseRevision, Change change, Author author) {
        return db.write(handle -> {
            Agreement agreement = store.find(handle, id).orElseThrow(() -> new NotFound("agreement " + id));
            if (agreement.status() == AgreementStatus.VERVALLEN) {
                throw Refused.conflict("refused.retired");
            }
            int current = agreement.currentRevision();
            if (baseRevision < 1 || baseRevision > current) {
                throw new InvalidInput("baseRevision", "error.baseRevision.unknown", baseRevision, current);
            }
            Map<String, Attachment> base = byName(store.attachments(handle, store.revision(handle, id, baseRevision)
                    .orElseThrow().id()));
            Map<String, Attachment> mine = new TreeMap<>(base);
            Attachment before = base.get(change.name());
            if (change instanceof Put put) {
                mine.put(put.name(), put.attachment());
            } else if (before == null) {
                throw new InvalidInput("name", "error.attachment.unknown", change.name());
            } else {
                mine.remove(change.name());
            }
            Revision theirs = store.revision(handle, id, current).orElseThrow();
            Map<String, Attachment> theirFiles = byName(store.attachments(handle, theirs.id()));
            Map<String, Attachment> merged = baseRevision == current ? mine : merge(base, mine, theirFiles, current);
            if (merged.size() > MAX_PER_REVISION) {
                throw new InvalidInput("bestand", "error.attachment.tooMany", MAX_PER_REVISION);
            }
            if (merged.equals(theirFiles)) {
                return new SaveOutcome.Unchanged(current, false);
            }
            // the text is not part of this change: it is the current revision's, whoever wrote it
            RevisionContent content = RevisionContent.of(theirs.title(), theirs.body(), List.copyOf(merged.values()));
            String kind = change instanceof Remove ? "remove" : before == null ? "add" : "replace";
            Revision revision = store.appendRevision(handle, id, content, author, clock.instant(),
                    summary(kind, change.name()), baseRevision);
            record(handle, author, agreement, revision, baseRevision, current, change, kind);
            return new SaveOutcome.Saved(revision, baseRevision == current ? null : current);
        });
    }

    private void record(Handle handle, Author author, Agreement agreement, Revision revision, int base, int current,
                        Change change, String kind) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("revision", revision.number());
        details.put("base", base);
        details.put("sha256", revision.sha256());
        details.put("name", change.name());
        details.put("change", kind);
        if (change instanceof Put put) {
            details.put("file", put.attachment().sha256());
        }
        if (base != current) {
            details.put("mergedWith", current);
        }
        audit.record(handle, author, "agreement.attachment", "agreement:" + agreement.id(),
                agreement.koppelzone().id(), details);
    }

    /** The history line of the new revision (stored text, in the wiki's language like "Revisie 2 hersteld"). */
    private static String summary(String kind, String name) {
        return switch (kind) {
            case "add" -> "Bijlage " + name + " toegevoegd";
            case "replace" -> "Bijlage " + name + " vervangen";
            default -> "Bijlage " + name + " verwijderd";
        };
    }

    /** Three-way merge of two lists of files by name; a name both sides changed differently is a conflict. */
    static Map<String, Attachment> merge(Map<String, Attachment> base, Map<String, Attachment> mine,
                                         Map<String, Attachment> theirs, int current) {
        Map<String, Attachment> merged = new TreeMap<>();
        TreeSet<String> names = new TreeSet<>(base.keySet());
        names.addAll(mine.keySet());
        names.addAll(theirs.keySet());
        List<String> conflicts = new ArrayList<>();
        for (String name : names) {
            Attachment was = base.get(name);
            Attachment mineNow = mine.get(name);
            Attachment theirsNow = theirs.get(name);
            Attachment result;
            if (Objects.equals(mineNow, was) || Objects.equals(mineNow, theirsNow)) {
                result = theirsNow;
            } else if (Objects.equals(theirsNow, was)) {
                result = mineNow;
            } else {
                conflicts.add(name);
                continue;
            }
            if (result != null) {
                merged.put(name, result);
            }
        }
        if (!conflicts.isEmpty()) {
            throw new Conflict(conflicts, current);
        }
        return merged;
    }

    /**
     * Files under the same names were changed differently since the base revision, on both sides.
     * Nothing was written; the writer looks at revision {@code currentRevision} and decides again.
     */
    public static final class Conflict extends RuntimeException {
        private final List<String> names;
        private final int currentRevision;

        Conflict(List<String> names, int currentRevision) {
            super("attachments changed on both sides: " + names);
            this.names = List.copyOf(names);
            this.currentRevision = currentRevision;
        }

        public List<String> names() {
            return names;
        }

        public int currentRevision() {
            return currentRevision;
        }
    }

    private static Map<String, Attachment> byName(List<Attachment> attachments) {
        Map<String, Attachment> map = new TreeMap<>();
        attachments.forEach(attachment -> map.put(attachment.name(), attachment));
        return map;
    }
}
