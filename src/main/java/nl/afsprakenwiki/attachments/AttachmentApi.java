package nl.afsprakenwiki.attachments;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.agreements.AttachmentEditing;
import nl.afsprakenwiki.agreements.Current;
import nl.afsprakenwiki.agreements.Revision;
import nl.afsprakenwiki.agreements.SaveOutcome;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.ProblemException;
import nl.afsprakenwiki.web.Texts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The files of an agreement in the JSON API (docs/API.md, "Attachments"). */
public final class AttachmentApi {

    private final Attachments attachments;
    private final Json json;
    private final Texts dutch;

    public AttachmentApi(Attachments attachments, Json json, Texts dutch) {
        this.attachments = attachments;
        this.json = json;
        this.dutch = dutch;
    }

    /** The body a DELETE may carry instead of {@code ?baseRevision=}. */
    record RemoveRequest(Integer baseRevision) {
    }

    /** {@code ?revision=n}: that revision's files; without it, those of the revision the caller reads. */
    public void list(Context ctx) {
        String wanted = ctx.queryParam("revision");
        Integer number = wanted == null ? null : AttachmentPages.number(wanted);
        Attachments.Listing listing = attachments.list(Current.agreement(ctx).id(), number, Current.viewer(ctx))
                .orElseThrow(() -> new NotFound("revision"));
        Revision revision = listing.revision();
        ctx.json(Json.object("revision", revision.number(), "sha256", revision.sha256(), "attachments",
                listing.files().stream().map(file -> file.json(revision)).toList()));
    }

    /** Multipart: the file in {@code file}, the revision it applies to in {@code baseRevision} (required, like any save). */
    public void upload(Context ctx) {
        long id = Current.agreement(ctx).id();
        if (!ctx.isMultipartFormData()) {
            throw new ProblemException(415, "Verkeerd type inhoud",
                    "Stuur het bestand als multipart/form-data: het bestand in het veld 'file', de basisrevisie in 'baseRevision'.");
        }
        int base = baseRevision(ctx.formParam("baseRevision"));
        UploadedFile file = ctx.uploadedFile(Attachments.FIELD);
        if (file == null || file.filename() == null || file.filename().isBlank()) {
            throw new InvalidInput(Attachments.FIELD, "error.attachment.missing");
        }
        try (InputStream content = file.content()) {
            respond(ctx, withConflict(() -> attachments.upload(id, base, file.filename(), content, Current.viewer(ctx).author())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ?baseRevision=n} (or a JSON body {@code {"baseRevision": n}}) required. */
    public void remove(Context ctx) {
        long id = Current.agreement(ctx).id();
        String query = ctx.queryParam("baseRevision");
        Integer inBody = query == null && ctx.contentType() != null ? json.read(ctx, RemoveRequest.class).baseRevision() : null;
        int base = baseRevision(inBody != null ? inBody.toString() : query);
        respond(ctx, withConflict(() -> attachments.remove(id, base, ctx.pathParam("name"), Current.viewer(ctx).author())));
    }

    public void download(Context ctx) {
        Attachments.Download download = attachments.download(Current.agreement(ctx).id(),
                AttachmentPages.number(ctx.pathParam("number")), ctx.pathParam("name"), Current.viewer(ctx))
                .orElseThrow(() -> new NotFound("attachment"));
        AttachmentPages.serve(ctx, download);
    }

    private void respond(Context ctx, SaveOutcome outcome) {
        if (outcome instanceof SaveOutcome.Saved saved) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("revision", saved.revision().number());
            body.put("sha256", saved.revision().sha256());
            body.put("merged", saved.merged());
            if (saved.merged()) {
                body.put("mergedWith", saved.mergedWith());
            }
            attachments.list(saved.revision().agreementId(), saved.revision().number(), Current.viewer(ctx))
                    .ifPresent(listing -> body.put("attachments", listing.files().stream()
                            .map(file -> file.json(listing.revision())).toList()));
            ctx.status(201).json(body);
        } else if (outcome instanceof SaveOutcome.Unchanged unchanged) {
            ctx.json(Json.object("revision", unchanged.currentRevision(), "merged", false, "unchanged", true));
        }
    }

    private interface Change {
        SaveOutcome apply();
    }

    private SaveOutcome withConflict(Change change) {
        try {
            return change.apply();
        } catch (AttachmentEditing.Conflict e) {
            throw new ProblemException(409, "/problemen/bijlageconflict", "Bijlageconflict",
                    dutch.get("error.attachment.conflict", String.join(", ", e.names()), e.currentRevision()),
                    Json.object("currentRevision", e.currentRevision(), "names", e.names()));
        }
    }

    private static int baseRevision(String value) {
        if (value == null || value.isBlank()) {
            throw new ProblemException(400, "Basisrevisie ontbreekt",
                    "Geef 'baseRevision' mee: het nummer van de revisie waarop uw wijziging is gebaseerd.");
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("baseRevision", "error.revision.required");
        }
    }
}
