package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.agreements.AgreementStore;
import nl.afsprakenwiki.agreements.Revision;
import nl.afsprakenwiki.agreements.RevisionContent;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.endorsements.ImportedLifecycle;
import nl.afsprakenwiki.endorsements.Lifecycle;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneStore;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.text.Progress;
import nl.afsprakenwiki.transfer.ImportSet.AgreementFile;
import nl.afsprakenwiki.transfer.ImportSet.AgreementSpec;
import nl.afsprakenwiki.transfer.ImportSet.KoppelzoneSpec;
import nl.afsprakenwiki.transfer.ImportSet.Problem;
import nl.afsprakenwiki.transfer.ImportSet.RevisionSpec;
import org.jdbi.v3.core.Handle;

import nl.afsprakenwiki.agreements.AgreementPrivacy;
import nl.afsprakenwiki.agreements.AgreementInput;
import java.nio.file.Path;
import nl.afsprakenwiki.agreements.Attachment;
import nl.afsprakenwiki.files.StoredFiles;
import nl.afsprakenwiki.transfer.ImportSet.AttachmentSpec;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Imports a folder in the import format. Every file is read and checked first; if any has a
 * problem, all problems are reported and nothing changes. Otherwise everything is written in one
 * transaction, so an import is all or nothing even if it fails half-way.
 */
public final class Importer {

    private final Database db;
    private final KoppelzoneStore koppelzones;
    private final AgreementStore agreements;
    private final AuditLog audit;
    private final MarkdownRenderer markdown;
    private final Clock clock;
    private final Lifecycle lifecycle;
    private final ImportedLifecycle imported;
    private final StoredFiles files;

    private final AgreementPrivacy privacy;

    public Importer(Database db, KoppelzoneStore koppelzones, AgreementStore agreements, AuditLog audit,
                    MarkdownRenderer markdown, Clock clock, Lifecycle lifecycle, StoredFiles files, AgreementPrivacy privacy) {
        this.privacy = privacy;
        this.db = db;
        this.files = files;
        this.lifecycle = lifecycle;
        this.imported = new ImportedLifecycle(lifecycle, agreements);
        this.markdown = markdown;
        this.koppelzones = koppelzones;
        this.agreements = agreements;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an import did. */
    public record Report(int koppelzones, int created, int updated, int unchanged, int revisions) {
    }

    public Report importFolder(Path folder, String actor, Progress progress) throws ImportFailed {
        ImportReader reader = new ImportReader(folder, markdown, progress, privacy.detector(), privacy.parties());
        ImportReader.Result read = reader.read();
        if (!read.problems().isEmpty()) {
            throw new ImportFailed(read.problems().stream().map(Problem::toString).toList());
        }
        ImportSet set = read.set();
        try {
            return db.write(handle -> apply(handle, set, reader, folder, actor, progress));
        } catch (ApplyFailed e) {
            throw new ImportFailed(e.problems);
        }
    }

    /** Thrown inside the transaction to roll it back when the database disagrees with the files. */
    private static final class ApplyFailed extends RuntimeException {
        private final List<String> problems;

        ApplyFailed(List<String> problems) {
            super("import conflicts with the database");
            this.problems = problems;
        }
    }

    private Report apply(Handle handle, ImportSet set, ImportReader reader, Path folder, String actor,
                         Progress progress) {
        List<String> problems = new ArrayList<>();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        ImportedKoppelzones zones = new ImportedKoppelzones(koppelzones, handle, today, problems);
        int step = 0;
        int steps = set.koppelzones().size() + set.agreements().size();
        for (KoppelzoneSpec spec : set.koppelzones()) {
            progress.step("schrijven", ++step, steps);
            zones.declare(spec);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int revisions = 0;
        for (AgreementFile file : set.agreements()) {
            progress.step("schrijven", ++step, steps);
            AgreementSpec spec = reader.again(file, problems).orElse(null);
            if (spec == null) {
                continue;
            }
            Koppelzone koppelzone = zones.of(spec);
            if (koppelzone == null) {
                continue;
            }
            List<Long> parties = zones.parties(koppelzone, spec);
            var existing = agreements.idBySlug(handle, koppelzone.id(), spec.slug());
            if (existing.isPresent()) {
                if (update(handle, existing.get(), spec, parties, actor, now)) {
                    updated++;
                    revisions++;
                } else {
                    unchanged++;
                }
            } else {
                revisions += create(handle, koppelzone, spec, parties, actor, now);
                created++;
            }
        }
        if (!problems.isEmpty()) {
            throw new ApplyFailed(problems);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("created", created);
        details.put("updated", updated);
        details.put("unchanged", unchanged);
        audit.record(handle, Author.system(actor), "import", folder.toString(), null, details);
        return new Report(set.koppelzones().size(), created, updated, unchanged, revisions);
    }

    private int create(Handle handle, Koppelzone koppelzone, AgreementSpec spec, List<Long> parties, String actor, Instant now) {
        List<Instant> dates = dates(spec.revisions(), now);
        long id = agreements.insertAgreement(handle, spec.slug(), koppelzone.id(), AgreementStatus.CONCEPT, spec.reviewDate(),
                dates.get(0));
        agreements.setParties(handle, id, parties);
        agreements.setThemes(handle, id, spec.themes());
        Integer base = null;
        Revision last = null;
        for (int i = 0; i < spec.revisions().size(); i++) {
            RevisionSpec revision = spec.revisions().get(i);
            last = agreements.appendRevision(handle, id, RevisionContent.of(revision.title(), revision.body(),
                            stored(revision)),
                    Author.system(revision.author()), dates.get(i), revision.summary(), base);
            privacy.recordConfirmed(handle, last, koppelzone.id(), accepted(revision), Author.system(actor));
            base = last.number();
        }
        if (spec.status() != AgreementStatus.CONCEPT) {
            Integer endorsed = spec.endorsedRevision();
            Instant endorsedAt = endorsed == null ? last.createdAt() : dates.get(endorsed - 1);
            imported.apply(handle, id, spec.status(), endorsed, endorsedAt, actor);
        }
        return spec.revisions().size();
    }

    /**
     * The files of a revision stored in the wiki (by content, so a file several revisions or agreements
     * share is stored once). A file that changed since it was checked stops the import.
     */
    private List<Attachment> stored(RevisionSpec revision) {
        List<Attachment> stored = new ArrayList<>();
        for (AttachmentSpec attachment : revision.attachments()) {
            if (!files.store(attachment.file()).sha256().equals(attachment.sha256())) {
                throw new ApplyFailed(List.of(revision.file() + ": bijlage '" + attachment.name()
                        + "' is tijdens de import gewijzigd"));
            }
            stored.add(new Attachment(attachment.name(), attachment.sha256(), attachment.size(), attachment.type()));
        }
        return stored;
    }

    /**
     * The time of each revision: its own date, or for a revision without one the date of the
     * revision before it (or after it, for the first), so that history never runs backwards.
     */
    private static List<Instant> dates(List<RevisionSpec> revisions, Instant now) {
        Instant firstGiven = revisions.stream().map(RevisionSpec::date).filter(Objects::nonNull)
                .findFirst().orElse(now);
        List<Instant> dates = new ArrayList<>();
        Instant previous = null;
        for (RevisionSpec revision : revisions) {
            Instant date = revision.date() != null ? revision.date() : previous != null ? previous : firstGiven;
            dates.add(date);
            previous = date;
        }
        return dates;
    }

    /**
     * On an update the file's revision numbers need not match the wiki's; only an endorsement of the
     * file's newest revision carries over (as the agreement's current revision), otherwise the
     * endorsement the wiki has stays.
     */
    private static Integer updatedEndorsement(AgreementSpec spec, Agreement agreement) {
        Integer endorsed = spec.endorsedRevision();
        return endorsed == null || endorsed == spec.revisions().size() ? null : agreement.endorsedRevision();
    }

    private boolean update(Handle handle, long id, AgreementSpec spec, List<Long> parties, String actor, Instant now) {
        Agreement agreement = agreements.find(handle, id).orElseThrow();
        Revision current = agreements.revision(handle, id, agreement.currentRevision()).orElseThrow();
        RevisionSpec head = spec.head();
        RevisionContent content = RevisionContent.of(head.title(), head.body(), stored(head));
        boolean partiesChanged = !new java.util.HashSet<>(parties).equals(agreement.parties().stream()
                .map(party -> party.id()).collect(java.util.stream.Collectors.toSet()));
        agreements.setParties(handle, id, parties);
        if (partiesChanged) {
            lifecycle.partiesChanged(handle, id, Author.system(actor));
        }
        agreements.setThemes(handle, id, spec.themes());
        agreements.setReviewDate(handle, id, spec.reviewDate());
        if (content.sha256().equals(current.sha256())) {
            imported.apply(handle, id, spec.status(), updatedEndorsement(spec, agreement), now, actor);
            return false;
        }
        String summary = head.summary().isEmpty() ? "Bijgewerkt door import" : head.summary();
        Revision revision = agreements.appendRevision(handle, id, content, Author.system(head.author()), now, summary,
                current.number());
        privacy.recordConfirmed(handle, revision, agreement.koppelzone().id(), accepted(head), Author.system(actor));
        imported.apply(handle, id, spec.status(), updatedEndorsement(spec, agreement), now, actor);
        audit.record(handle, Author.system(actor), "agreement.save", "agreement:" + id, agreement.koppelzone().id(),
                Map.of("revision", revision.number(), "source", "import", "sha256", content.sha256()));
        return true;
    }

    /** The confirmations a revision file lists ({@code accepted_findings}), stored with the imported revision. */
    private static AgreementInput.Acceptance accepted(RevisionSpec revision) {
        return AgreementInput.Acceptance.of(revision.acceptedFindings(), "Bevestigd in het geïmporteerde bestand");
    }
}
