package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.ProblemException;
import nl.afsprakenwiki.web.Texts;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of {@link AgreementApi}'s answers: an agreement, a revision, list and history items, an edit conflict. */
final class AgreementJson {

    private final AgreementService agreements;
    private final MarkdownRenderer markdown;

    AgreementJson(AgreementService agreements, MarkdownRenderer markdown) {
        this.agreements = agreements;
        this.markdown = markdown;
    }

    static Map<String, Object> listItem(AgreementListItem item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", item.id());
        json.put("slug", item.slug());
        json.put("title", item.title());
        json.put("status", item.status());
        json.put("koppelzone", Json.object("slug", item.koppelzoneSlug(), "name", item.koppelzoneName()));
        json.put("municipality", Json.object("slug", item.municipalitySlug(), "name", item.municipalityName()));
        json.put("currentRevision", item.currentRevision());
        json.put("endorsedRevision", item.endorsedRevision());
        json.put("reviewDate", item.reviewDate());
        json.put("updatedAt", item.updatedAt());
        return json;
    }

    static Map<String, Object> historyEntry(RevisionEntry entry) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("number", entry.number());
        item.put("title", entry.title());
        item.put("author", entry.authorName());
        item.put("createdAt", entry.createdAt());
        item.put("summary", entry.summary());
        item.put("baseRevision", entry.baseNumber());
        item.put("sha256", entry.sha256());
        return item;
    }

    Map<String, Object> agreement(Agreement agreement, Revision revision) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", agreement.id());
        json.put("slug", agreement.slug());
        json.put("title", revision.title());
        json.put("status", agreement.status());
        json.put("koppelzone", Json.object("slug", agreement.koppelzone().slug(), "name", agreement.koppelzone().name()));
        json.put("municipality", Json.object("slug", agreement.koppelzone().municipality().slug(),
                "name", agreement.koppelzone().municipality().name()));
        json.put("parties", agreement.parties().stream()
                .map(o -> Json.object("slug", o.slug(), "name", o.name(), "kind", o.kind())).toList());
        json.put("themes", agreement.themes());
        json.put("reviewDate", agreement.reviewDate());
        json.put("currentRevision", agreement.currentRevision());
        json.put("endorsedRevision", agreement.endorsedRevision());
        // "herziening": a newer revision is being prepared beside the endorsed one (the public learns
        // only that it exists); members also learn which revision is proposed for endorsement
        json.put("herziening", agreement.inRevision());
        if (agreement.underEndorsement()) {
            json.put("proposedRevision", agreement.proposedRevision());
        }
        json.put("revision", revision.number());
        json.put("author", revision.authorName());
        json.put("updatedAt", agreement.updatedAt());
        json.put("sha256", revision.sha256());
        json.put("body", revision.body());
        json.put("html", markdown.renderRevision(revision.id(), revision.body(), agreements.linkedFiles(revision)));
        json.put("attachments", agreements.attachments(revision).stream().map(file -> file.json(revision)).toList());
        return json;
    }

    Map<String, Object> revision(Revision revision) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("number", revision.number());
        json.put("title", revision.title());
        json.put("author", revision.authorName());
        json.put("createdAt", revision.createdAt());
        json.put("summary", revision.summary());
        json.put("baseRevision", revision.baseNumber());
        json.put("sha256", revision.sha256());
        json.put("body", revision.body());
        json.put("html", markdown.renderRevision(revision.id(), revision.body(), agreements.linkedFiles(revision)));
        json.put("attachments", agreements.attachments(revision).stream().map(file -> file.json(revision)).toList());
        return json;
    }

    /**
     * The 409 of a conflicting save (docs/API.md, "Edit conflicts"): both texts, each conflicting
     * block with its base, and the merged text as parts, so that a client resolves block by block
     * and saves the assembled text on top of {@code currentRevision}.
     */
    static ProblemException conflictProblem(SaveOutcome.Conflict conflict, Texts dutch) {
        Revision theirs = conflict.theirs();
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("baseRevision", conflict.baseRevision());
        extensions.put("currentRevision", theirs.number());
        extensions.put("conflicts", MergeJson.conflicts(conflict.body()));
        extensions.put("titleConflict", MergeJson.titleConflict(conflict.titleConflict(), conflict.base().title(),
                conflict.mineTitle(), theirs.title()));
        extensions.put("yours", Json.object("title", conflict.mineTitle(), "body", conflict.mineBody()));
        extensions.put("theirs", Json.object("revision", theirs.number(), "title", theirs.title(), "body", theirs.body(),
                "author", theirs.authorName(), "createdAt", theirs.createdAt()));
        extensions.put("merged", MergeJson.merged(conflict.mergedTitle(), conflict.body()));
        return new ProblemException(409, "/problemen/bewerkingsconflict", "Bewerkingsconflict",
                dutch.get("api.conflict.edit", theirs.number(), theirs.authorName(), conflict.baseRevision(), conflict.conflicts()),
                extensions);
    }
}
