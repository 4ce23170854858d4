package nl.afsprakenwiki.attachments;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AttachmentEditing;
import nl.afsprakenwiki.agreements.Current;
import nl.afsprakenwiki.agreements.SaveOutcome;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.Views;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** The attachment page of an agreement (list, add, remove) and the download of a revision's file. */
public final class AttachmentPages {

    private static final Map<String, String> NOTICES = Map.of("opgeslagen", "attachments.notice.saved",
            "samengevoegd", "attachments.notice.merged", "ongewijzigd", "attachments.notice.unchanged",
            "verwijderd", "attachments.notice.removed");

    private final Attachments attachments;
    private final Views views;

    public AttachmentPages(Attachments attachments, Views views) {
        this.attachments = attachments;
        this.views = views;
    }

    public void manage(Context ctx) {
        render(ctx, NOTICES.get(String.valueOf(ctx.queryParam("melding"))), Map.of());
    }

    /** A multipart form: the file in {@code bestand}, the revision it was chosen on in {@code baseRevision}. */
    public void upload(Context ctx) {
        Agreement agreement = Current.agreement(ctx);
        try {
            int base = baseRevision(ctx);
            UploadedFile file = ctx.uploadedFile(Attachments.FIELD);
            if (file == null || file.filename() == null || file.filename().isBlank()) {
                throw new InvalidInput(Attachments.FIELD, "error.attachment.missing");
            }
            SaveOutcome outcome;
            try (InputStream content = file.content()) {
                outcome = attachments.upload(agreement.id(), base, file.filename(), content, Current.viewer(ctx).author());
            }
            ctx.redirect(page(agreement) + "?melding=" + melding(outcome, "opgeslagen"));
        } catch (InvalidInput e) {
            ctx.status(422);
            render(ctx, null, views.texts(ctx).messages(e));
        } catch (AttachmentEditing.Conflict e) {
            conflict(ctx, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remove(Context ctx) {
        Agreement agreement = Current.agreement(ctx);
        try {
            SaveOutcome outcome = attachments.remove(agreement.id(), baseRevision(ctx), ctx.pathParam("name"),
                    Current.viewer(ctx).author());
            ctx.redirect(page(agreement) + "?melding=" + melding(outcome, "verwijderd"));
        } catch (InvalidInput e) {
            ctx.status(422);
            render(ctx, null, views.texts(ctx).messages(e));
        } catch (AttachmentEditing.Conflict e) {
            conflict(ctx, e);
        }
    }

    /**
     * A file of one revision, for whoever may read that revision (a draft's files: members only; others 404).
     * Always a download with the type detected from its content, never sniffed or shown as a page.
     */
    public void download(Context ctx) {
        int number = number(ctx.pathParam("number"));
        Attachments.Download download = attachments.download(Current.agreement(ctx).id(), number, ctx.pathParam("name"),
                Current.viewer(ctx)).orElseThrow(() -> new NotFound("attachment"));
        serve(ctx, download);
    }

    /** Sends a stored file as a download; shared with {@link AttachmentApi}. */
    static void serve(Context ctx, Attachments.Download download) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + download.attachment().name() + "\"");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "private, no-cache");
        // no charset: these are binary files (the default text type of every response would add one)
        ctx.res().setCharacterEncoding(null);
        ctx.contentType(download.type().contentType());
        try {
            ctx.result(Files.newInputStream(download.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int number(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new NotFound("revision " + value);
        }
    }

    private void render(Context ctx, String notice, Map<String, String> errors) {
        Attachments.Listing listing = attachments.list(Current.agreement(ctx).id(), null, Current.viewer(ctx))
                .orElseThrow(() -> new NotFound("agreement"));
        views.render(ctx, "attachments/manage.jte", new AttachmentViews.Manage(listing.agreement(), listing.revision(),
                AttachmentViews.rows(listing.revision(), listing.files()), notice, errors));
    }

    private static int baseRevision(Context ctx) {
        String value = ctx.formParam("baseRevision");
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("baseRevision", "error.revision.required");
        }
    }

    private static String melding(SaveOutcome outcome, String saved) {
        if (outcome instanceof SaveOutcome.Saved done) {
            return done.merged() ? "samengevoegd" : saved;
        }
        return "ongewijzigd";
    }

    private static String page(Agreement agreement) {
        return Paths.agreement(agreement.id(), "/bijlagen");
    }

    /** The same name was changed on both sides: 409, the page again with the names and the revision to start from. */
    private void conflict(Context ctx, AttachmentEditing.Conflict e) {
        ctx.status(409);
        render(ctx, null, Map.of(Attachments.FIELD, views.texts(ctx).get("error.attachment.conflict",
                String.join(", ", e.names()), e.currentRevision())));
    }
}
