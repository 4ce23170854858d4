package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.agreements.AgreementInput;
import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.agreements.ThreeWayMerge;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.text.CleanText;
import nl.afsprakenwiki.text.Slugs;
import nl.afsprakenwiki.transfer.FrontMatter.Invalid;
import nl.afsprakenwiki.transfer.ImportSet.AgreementSpec;
import nl.afsprakenwiki.transfer.ImportSet.PartySpec;
import nl.afsprakenwiki.transfer.ImportSet.Problem;
import nl.afsprakenwiki.transfer.ImportSet.RevisionSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import nl.afsprakenwiki.privacy.KnownParties;
import nl.afsprakenwiki.privacy.Parties;
import nl.afsprakenwiki.privacy.PrivacyDetector;
import nl.afsprakenwiki.privacy.Screening;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Reads one agreement file of an import folder and its history folder ({@code name.history/1.md …}),
 * with the same limits and cleaning as the wiki's forms (see {@link CleanText}).
 */
final class AgreementFileReader {

    private static final Set<String> KEYS = Set.of("title", "municipality", "koppelzone", "parties", "themes",
            "status", "endorsed_revision", "review_date", "author", "date", "summary", "attachments", "accepted_findings");
    private static final Set<String> HISTORY_KEYS = Set.of("title", "author", "date", "summary", "attachments",
            "accepted_findings");

    private final ImportProblems problems;
    private final FieldReader fields;
    private final SourceFiles sources;
    private final MarkdownRenderer markdown;

    private final PrivacyDetector detector;
    private final KnownParties known;

    AgreementFileReader(ImportProblems problems, FieldReader fields, SourceFiles sources, MarkdownRenderer markdown,
                        PrivacyDetector detector, KnownParties known) {
        this.detector = detector;
        this.known = known;
        this.problems = problems;
        this.fields = fields;
        this.sources = sources;
        this.markdown = markdown;
    }

    /** The agreement in {@code file} with the revisions in its history folder, if all is well. */
    Optional<AgreementSpec> read(Path file, Path historyDir) {
        String fileName = file.getFileName().toString();
        String slug = Slugs.of(fileName.substring(0, fileName.length() - 3), 120);
        if (slug.isEmpty()) {
            problems.add(file, 0, "de bestandsnaam geeft geen bruikbare slug; gebruik letters en cijfers");
            return Optional.empty();
        }
        // the history's privacy checks wait for the koppelzone the file names (its parties' listed numbers
        // pass) and for the status (the revision that will be public must have no unconfirmed finding at all)
        List<BiConsumer<Parties, Integer>> privacyChecks = new ArrayList<>();
        List<RevisionSpec> revisions = new ArrayList<>(readHistory(historyDir, privacyChecks));
        Set<String> confirmed = new HashSet<>();
        revisions.forEach(revision -> confirmed.addAll(revision.acceptedFindings()));
        SourceFiles.Document document = sources.document(file);
        Parties listed = document == null ? Parties.NONE
                : known.ofNamed(FieldReader.optionalText(document.frontMatter(), "koppelzone"));
        if (document == null) {
            privacyChecks.forEach(check -> check.accept(listed, NONE_PUBLIC));
            return Optional.empty();
        }
        FrontMatter yaml = document.frontMatter();
        try {
            fields.unknownKeys(file, yaml, KEYS);
            String municipality = fields.named(file, yaml, fields.required(file, yaml, "municipality", 120), "municipality");
            String koppelzone = fields.named(file, yaml, fields.required(file, yaml, "koppelzone", 160), "koppelzone");
            List<PartySpec> parties = fields.parties(file, yaml, false);
            if (parties.isEmpty() && yaml.get("parties").isPresent()) {
                problems.add(file, FieldReader.line(yaml, "parties"), "noem minstens één partij");
            } else if (yaml.get("parties").isEmpty()) {
                problems.add(file, 1, "'parties' ontbreekt: noem de partijen van de afspraak");
            }
            List<String> themes = fields.themes(file, yaml);
            AgreementStatus status = AgreementStatus.CONCEPT;
            String statusText = fields.optional(file, yaml, "status", 40);
            if (statusText != null) {
                status = AgreementStatus.fromCode(statusText).orElse(null);
                if (status == null) {
                    problems.add(file, FieldReader.line(yaml, "status"), "status '" + statusText
                            + "' bestaat niet; kies concept, ter_bekrachtiging, bekrachtigd of vervallen");
                }
            }
            LocalDate review = fields.date(file, yaml, "review_date");
            String endorsedText = fields.optional(file, yaml, "endorsed_revision", 9);
            RevisionSpec head = revision(file, document, true);
            int publicRevision = publicRevision(endorsedText, status, revisions.size() + 1);
            privacyChecks.forEach(check -> check.accept(listed, publicRevision));
            if (head != null) {
                confirmed.addAll(head.acceptedFindings());
                checkPrivacy(file, document, head, confirmed, listed, publicRevision == revisions.size() + 1);
            }
            if (head == null || municipality == null || koppelzone == null || status == null) {
                return Optional.empty();
            }
            revisions.add(head);
            checkDatesAscending(revisions);
            Integer endorsed = endorsedRevision(file, yaml, endorsedText, status, revisions.size());
            return Optional.of(new AgreementSpec(problems.display(file), slug, municipality, koppelzone, parties,
                    themes, status, review, revisions, endorsed));
        } catch (Invalid e) {
            problems.add(file, e.line, e.getMessage());
            return Optional.empty();
        }
    }

    private List<RevisionSpec> readHistory(Path dir, List<BiConsumer<Parties, Integer>> privacyChecks) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        TreeMap<Integer, Path> numbered = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.sorted().toList()) {
                String name = file.getFileName().toString();
                if (Files.isDirectory(file) && name.matches("[1-9][0-9]{0,5}\\.bijlagen")) {
                    continue; // the files of a history revision (see AttachmentReader)
                }
                if (!name.matches("[1-9][0-9]{0,5}\\.md")) {
                    problems.add(file, 0, "bestanden in een geschiedenismap heten 1.md, 2.md, …");
                    continue;
                }
                numbered.put(Integer.parseInt(name.substring(0, name.length() - 3)), file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        List<RevisionSpec> revisions = new ArrayList<>();
        Set<String> confirmed = new HashSet<>();
        int expected = 1;
        for (var entry : numbered.entrySet()) {
            if (entry.getKey() != expected) {
                problems.add(entry.getValue(), 0, "revisie " + expected + " ontbreekt in de geschiedenis");
                return List.of();
            }
            expected++;
            SourceFiles.Document document = sources.document(entry.getValue());
            if (document == null) {
                continue;
            }
            try {
                fields.unknownKeys(entry.getValue(), document.frontMatter(), HISTORY_KEYS);
                RevisionSpec revision = revision(entry.getValue(), document, false);
                if (revision != null) {
                    confirmed.addAll(revision.acceptedFindings());
                    Path revisionFile = entry.getValue();
                    Set<String> confirmedSoFar = Set.copyOf(confirmed);
                    int number = entry.getKey();
                    privacyChecks.add((parties, publicRevision) -> checkPrivacy(revisionFile, document, revision,
                            confirmedSoFar, parties, number == publicRevision));
                    revisions.add(revision);
                }
            } catch (Invalid e) {
                problems.add(entry.getValue(), e.line, e.getMessage());
            }
        }
        return revisions;
    }

    private RevisionSpec revision(Path file, SourceFiles.Document document, boolean head) throws Invalid {
        FrontMatter yaml = document.frontMatter();
        String title = fields.required(file, yaml, "title", AgreementInput.MAX_TITLE);
        String author = fields.optional(file, yaml, "author", 100);
        String summary = fields.optional(file, yaml, "summary", AgreementInput.MAX_SUMMARY);
        Instant date = fields.instant(file, yaml);
        // markdown keeps its invisible joiners and marks, but not what can reverse or hide a passage
        String body = CleanText.text(document.body());
        if (body.isBlank()) {
            problems.add(file, document.bodyLine(), "de tekst van de afspraak is leeg");
            return null;
        }
        if (body.length() > AgreementInput.MAX_BODY) {
            problems.add(file, document.bodyLine(), "de tekst is langer dan " + AgreementInput.MAX_BODY + " tekens");
            return null;
        }
        if (ThreeWayMerge.hasConflictMarkers(body)) {
            problems.add(file, document.bodyLine(), "de tekst bevat nog conflictmarkeringen (<<<<<<< … >>>>>>>)");
        }
        String unrenderable = markdown.problem(body);
        if ("error.body.tooManyLinks".equals(unrenderable)) {
            problems.add(file, document.bodyLine(), "een alinea bevat meer dan " + MarkdownRenderer.MAX_LINKS_PER_PARAGRAPH
                    + " links; verdeel ze over meer alinea's");
        } else if (unrenderable != null) {
            problems.add(file, document.bodyLine(), "de tekst is zo diep genest (citaten of lijsten in elkaar) dat hij niet"
                    + " kan worden weergegeven");
        }
        if (title == null) {
            return null;
        }
        var attachments = new AttachmentReader(problems).read(file, yaml, AttachmentReader.folders(file, head));
        return new RevisionSpec(problems.display(file), title, body, author == null ? "Import" : author, date,
                summary == null ? "" : summary, attachments, fields.list(file, yaml, "accepted_findings", 64));
    }

    /** No revision of the file will be public. */
    private static final int NONE_PUBLIC = -1;

    /**
     * The number of the revision the import makes public: with status bekrachtigd the endorsed revision
     * (the newest, {@code newest}, unless {@code endorsed_revision} names another); otherwise none.
     */
    private static int publicRevision(String endorsedText, AgreementStatus status, int newest) {
        if (status != AgreementStatus.BEKRACHTIGD) {
            return NONE_PUBLIC;
        }
        if (endorsedText != null && endorsedText.strip().matches("[0-9]{1,9}")) {
            return Integer.parseInt(endorsedText.strip());
        }
        return newest;
    }

    /**
     * Issue 17: a high-confidence privacy finding in a revision is an import problem (file:line, kind and
     * fingerprint, never the text) unless this or an earlier revision of the file lists its fingerprint
     * under {@code accepted_findings}. In the revision the import makes public ({@code public}) a
     * medium-confidence finding is one too: what is public has every finding confirmed or fixed.
     */
    private void checkPrivacy(Path file, SourceFiles.Document document, RevisionSpec revision, Set<String> confirmed,
                              Parties parties, boolean isPublic) {
        var screening = Screening.of(detector, Screening.fields("title", revision.title(), "body", revision.body(),
                "summary", revision.summary()), parties, confirmed);
        FrontMatter yaml = document.frontMatter();
        for (Screening.FieldFinding found : isPublic ? screening.unconfirmed() : screening.refusing()) {
            int line = found.field().equals("body")
                    ? document.bodyLine() + (int) revision.body().substring(0, found.finding().start()).chars().filter(c -> c == '\n').count()
                    : FieldReader.line(yaml, found.field());
            boolean medium = found.kind().confidence() != nl.afsprakenwiki.privacy.Confidence.HIGH;
            problems.add(file, line, "mogelijk persoonsgegeven (" + found.kind().code() + ") in '" + found.field()
                    + (medium ? "' van de bekrachtigde, openbare revisie" : "'")
                    + "; haal het weg, of zet de vingerafdruk " + found.fingerprint()
                    + " onder 'accepted_findings' als het geen persoonsgegeven is");
        }
    }

    /**
     * The revision that was endorsed when the newest one is not (a herziening): a number from 1 to
     * the number of revisions, only with status bekrachtigd or ter_bekrachtiging.
     */
    private Integer endorsedRevision(Path file, FrontMatter yaml, String text, AgreementStatus status, int revisions) {
        if (text == null) {
            return null;
        }
        int line = FieldReader.line(yaml, "endorsed_revision");
        if (!text.strip().matches("[0-9]{1,9}") || Integer.parseInt(text.strip()) < 1
                || Integer.parseInt(text.strip()) > revisions) {
            problems.add(file, line, "'endorsed_revision' moet een revisienummer van 1 tot en met " + revisions
                    + " zijn, niet '" + text + "'");
            return null;
        }
        if (status != AgreementStatus.BEKRACHTIGD && status != AgreementStatus.TER_BEKRACHTIGING) {
            problems.add(file, line, "'endorsed_revision' past alleen bij status bekrachtigd of ter_bekrachtiging");
            return null;
        }
        return Integer.parseInt(text.strip());
    }

    private void checkDatesAscending(List<RevisionSpec> revisions) {
        Instant previous = null;
        for (RevisionSpec revision : revisions) {
            if (revision.date() != null) {
                if (previous != null && revision.date().isBefore(previous)) {
                    problems.add(new Problem(revision.file(), 0, "de datum ligt vóór die van de vorige revisie"));
                }
                previous = revision.date();
            }
        }
    }
}
