package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementStore;
import nl.afsprakenwiki.agreements.Attachment;
import nl.afsprakenwiki.agreements.Revision;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.Times;
import nl.afsprakenwiki.files.StoredFiles;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneStore;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.koppelzones.OrganisationKind;
import nl.afsprakenwiki.koppelzones.Party;
import nl.afsprakenwiki.text.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes every koppelzone and agreement (with its full history) in the import format. The output
 * is deterministic, so export → import into an empty database → export gives identical bytes.
 * Everything is read in one transaction: the export is one consistent snapshot.
 */
public final class Exporter {

    private final Database db;
    private final KoppelzoneStore koppelzones;
    private final AgreementStore agreements;
    private final StoredFiles files;

    public Exporter(Database db, KoppelzoneStore koppelzones, AgreementStore agreements, StoredFiles files) {
        this.db = db;
        this.files = files;
        this.koppelzones = koppelzones;
        this.agreements = agreements;
    }

    public record Report(int koppelzones, int agreements, int files) {
    }

    private record KoppelzoneData(Koppelzone koppelzone, List<Party> parties) {
    }

    /** @param attachments the files of each revision, by revision number */
    private record AgreementData(Agreement agreement, List<Revision> revisions, Map<Integer, List<Attachment>> attachments,
                                 Map<Integer, List<String>> confirmed) {
    }

    private record Snapshot(List<KoppelzoneData> koppelzones, List<AgreementData> agreements) {
    }

    public Report exportTo(Path folder, Progress progress) {
        requireEmpty(folder);
        Snapshot snapshot = db.read(handle -> {
            List<KoppelzoneData> zones = koppelzones.all(handle).stream()
                    .map(k -> new KoppelzoneData(k, koppelzones.parties(handle, k.id()))).toList();
            List<AgreementData> all = new ArrayList<>();
            for (long id : agreements.allIds(handle)) {
                List<Revision> revisions = agreements.allRevisions(handle, id);
                Map<Integer, List<Attachment>> attachments = new HashMap<>();
                Map<Integer, List<String>> confirmed = new HashMap<>();
                for (Revision revision : revisions) {
                    attachments.put(revision.number(), agreements.attachments(handle, revision.id()));
                    // issue 17: the privacy confirmations go along, so that the export imports again
                    confirmed.put(revision.number(), handle.createQuery(
                            "SELECT fingerprint FROM privacy_confirmation WHERE revision_id = :id ORDER BY fingerprint")
                            .bind("id", revision.id()).mapTo(String.class).list());
                }
                all.add(new AgreementData(agreements.find(handle, id).orElseThrow(), revisions, attachments, confirmed));
            }
            return new Snapshot(zones, all);
        });
        int files = 0;
        int done = 0;
        int total = snapshot.koppelzones().size() + snapshot.agreements().size();
        for (KoppelzoneData data : snapshot.koppelzones()) {
            progress.step("exporteren", ++done, total);
            write(directory(folder, data.koppelzone()).resolve("koppelzone.yaml"), koppelzoneYaml(data));
            files++;
        }
        for (AgreementData data : snapshot.agreements()) {
            progress.step("exporteren", ++done, total);
            Path directory = directory(folder, data.agreement().koppelzone());
            List<Revision> revisions = data.revisions();
            Revision head = revisions.get(revisions.size() - 1);
            List<Attachment> headFiles = data.attachments().get(head.number());
            write(directory.resolve(data.agreement().slug() + ".md"), agreementFile(data.agreement(), head, headFiles,
                    data.confirmed().get(head.number())));
            files++;
            files += copyFiles(headFiles, List.of(), directory.resolve(data.agreement().slug() + ".bijlagen"));
            for (Revision revision : revisions.subList(0, revisions.size() - 1)) {
                Path history = directory.resolve(data.agreement().slug() + ".history").resolve(revision.number() + ".md");
                List<Attachment> own = data.attachments().get(revision.number());
                write(history, historyFile(revision, own, data.confirmed().get(revision.number())));
                files++;
                // a file the newest revision has as well (same name, same content) is read from beside the main file
                files += copyFiles(own, headFiles, history.resolveSibling(revision.number() + ".bijlagen"));
            }
        }
        return new Report(snapshot.koppelzones().size(), snapshot.agreements().size(), files);
    }

    private static Path directory(Path folder, Koppelzone koppelzone) {
        return folder.resolve(koppelzone.municipality().slug()).resolve(koppelzone.slug());
    }

    private static String koppelzoneYaml(KoppelzoneData data) {
        Koppelzone k = data.koppelzone();
        Yaml yaml = new Yaml();
        yaml.scalar("name", k.name());
        yaml.scalar("slug", k.slug());
        yaml.scalar("municipality", k.municipality().name());
        if (k.municipality().jeugdregio() != null) {
            yaml.scalar("jeugdregio", k.municipality().jeugdregio());
        }
        yaml.plain("level", k.level().code());
        if (k.chair() != null) {
            yaml.scalar("chair", k.chair().name());
        }
        if (!k.description().isEmpty()) {
            yaml.text("description", k.description());
        }
        yaml.key("parties");
        for (Party party : data.parties()) {
            yaml.item("name", party.organisation().name());
            yaml.field("kind", party.organisation().kind().code());
            yaml.field("joined", party.joinedOn().toString());
        }
        return yaml.toString();
    }

    /** Copies the files of {@code attachments} that are not in {@code shared} into {@code folder}; how many. */
    private int copyFiles(List<Attachment> attachments, List<Attachment> shared, Path folder) {
        int copied = 0;
        for (Attachment attachment : attachments) {
            if (shared.contains(attachment)) {
                continue;
            }
            Path stored = files.find(attachment.sha256()).orElseThrow(() -> new TransferRefused("de bijlage "
                    + attachment.name() + " (" + attachment.sha256() + ") ontbreekt in de datamap"));
            try {
                Files.createDirectories(folder);
                Files.copy(stored, folder.resolve(attachment.name()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + folder.resolve(attachment.name()), e);
            }
            copied++;
        }
        return copied;
    }

    private static String agreementFile(Agreement agreement, Revision head, List<Attachment> attachments,
                                        List<String> confirmed) {
        Yaml yaml = new Yaml();
        yaml.scalar("title", head.title());
        yaml.scalar("municipality", agreement.koppelzone().municipality().name());
        yaml.scalar("koppelzone", agreement.koppelzone().name());
        yaml.key("parties");
        for (Organisation organisation : agreement.parties()) {
            if (OrganisationKind.inferFromName(organisation.name()) == organisation.kind()) {
                yaml.item(organisation.name());
            } else {
                yaml.item("name", organisation.name());
                yaml.field("kind", organisation.kind().code());
            }
        }
        if (!agreement.themes().isEmpty()) {
            yaml.key("themes");
            agreement.themes().forEach(yaml::item);
        }
        yaml.plain("status", agreement.status().code());
        if (agreement.published() && agreement.endorsedRevision() != agreement.currentRevision()) {
            // a herziening: the newest revision is not the endorsed one
            yaml.plain("endorsed_revision", Integer.toString(agreement.endorsedRevision()));
        }
        if (agreement.reviewDate() != null) {
            yaml.plain("review_date", agreement.reviewDate().toString());
        }
        revisionFields(yaml, head, attachments, confirmed);
        return "---\n" + yaml + "---\n" + head.body();
    }

    private static String historyFile(Revision revision, List<Attachment> attachments, List<String> confirmed) {
        Yaml yaml = new Yaml();
        yaml.scalar("title", revision.title());
        revisionFields(yaml, revision, attachments, confirmed);
        return "---\n" + yaml + "---\n" + revision.body();
    }

    private static void revisionFields(Yaml yaml, Revision revision, List<Attachment> attachments, List<String> confirmed) {
        yaml.scalar("author", revision.authorName());
        yaml.plain("date", Times.format(revision.createdAt()));
        if (!revision.summary().isEmpty()) {
            yaml.scalar("summary", revision.summary());
        }
        if (!attachments.isEmpty()) {
            yaml.key("attachments");
            attachments.forEach(attachment -> yaml.item(attachment.name()));
        }
        if (!confirmed.isEmpty()) {
            yaml.key("accepted_findings");
            confirmed.forEach(yaml::item);
        }
    }

    private static void requireEmpty(Path folder) {
        if (Files.exists(folder)) {
            if (!Files.isDirectory(folder)) {
                throw new TransferRefused(folder + " is geen map");
            }
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new TransferRefused(folder + " is niet leeg; export schrijft naar een lege of nieuwe map");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
