package nl.afsprakenwiki.discussion;

import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.privacy.Parties;
import nl.afsprakenwiki.privacy.Screening;
import nl.afsprakenwiki.privacy.Screening.FieldFinding;
import nl.afsprakenwiki.privacy.TextGuard;
import nl.afsprakenwiki.privacy.TextPanel;
import nl.afsprakenwiki.privacy.TextSource;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Refused;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.Revision;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.ReadCache;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.text.CleanText;
import nl.afsprakenwiki.text.Hashes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discussion of an agreement inside its koppelzone (issue 16, point 3): members comment on the
 * agreement or on one paragraph of a revision, reply, edit their own comment for a short while, and
 * resolve or reopen a thread. Who may read and write is the access rule's ({@code site.Rule}); what
 * depends on the comment itself (author, age, thread) is decided here, inside the transaction.
 */
public final class Comments {

    /** How long after writing the author may still change a comment. */
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(15);
    /** The longest comment, in characters. */
    public static final int MAX_LENGTH = 5000;

    private final Database db;
    /** The comments of an agreement: a member's agreement page shows them on every view. */
    private final ReadCache<Long, List<Comment>> ofAgreement;
    private final AgreementService agreements;
    private final AuditLog audit;
    private final Clock clock;
    private final MarkdownRenderer markdown;
    private final MentionMail mentions;
    private final CommentStore store = new CommentStore();

    private final TextGuard guard;

    public Comments(Database db, AgreementService agreements, AuditLog audit, Clock clock, MarkdownRenderer markdown,
                    MentionMail mentions, TextGuard guard) {
        this.guard = guard;
        this.db = db;
        this.agreements = agreements;
        this.audit = audit;
        this.clock = clock;
        this.markdown = markdown;
        this.mentions = mentions;
        this.ofAgreement = new ReadCache<>(db, 5_000);
    }

    /**
     * What someone writes: the text, and optionally the revision and paragraph (block index) it is about
     * and the comment it answers. Without a revision it is written on the current one.
     */
    public record Input(String text, Integer revision, Integer block, Long replyTo, Accepted accepted) {
        public Input {
            accepted = accepted == null ? Accepted.NONE : accepted;
        }

        public Input(String text, Integer revision, Integer block, Long replyTo) {
            this(text, revision, block, replyTo, Accepted.NONE);
        }
    }

    public Optional<Comment> find(long id) {
        return db.read(handle -> store.find(handle, id));
    }

    /** Every comment on the agreement, oldest first; for those who may read its discussion only. */
    public List<Comment> of(long agreementId) {
        return ofAgreement.get(agreementId, () -> List.copyOf(db.read(handle -> store.ofAgreement(handle, agreementId))));
    }

    /** The texts a comment had before its edits, oldest first. */
    public List<String> earlierTexts(long commentId) {
        return db.read(handle -> store.earlierTexts(handle, commentId));
    }

    /** Whether {@code viewer} may still change the comment now. */
    public boolean editable(Comment comment, Viewer viewer) {
        return viewer.authenticated() && viewer.accountId() == comment.accountId()
                && !clock.instant().isAfter(comment.createdAt().plus(EDIT_WINDOW));
    }

    /** Whether {@code viewer} may resolve or reopen the thread {@code comment} starts. */
    public static boolean mayResolve(Comment comment, Agreement agreement, Viewer viewer) {
        return comment.thread() && viewer.authenticated() && (viewer.accountId() == comment.accountId()
                || viewer.can(Permission.MODERATE_DISCUSSION, agreement.koppelzone().id()));
    }

    public Comment post(Agreement agreement, Input input, Viewer viewer) {
        String text = text(input.text());
        int number = input.revision() == null ? agreement.currentRevision() : input.revision();
        // revision 0 would mean "the current one" to the agreement service: no revision is numbered so
        Revision revision = agreements.version(agreement.id(), number, viewer).filter(found -> number >= 1)
                .map(AgreementService.Version::revision)
                .orElseThrow(() -> new InvalidInput("revision", "error.comment.revision", number));
        Paragraphs.Paragraph paragraph = null;
        if (input.block() != null) {
            Paragraphs paragraphs = Paragraphs.of(revision.body());
            if (input.block() < 0 || input.block() >= paragraphs.size()) {
                throw new InvalidInput("block", "error.comment.block", number);
            }
            paragraph = paragraphs.get(input.block());
        }
        String title = agreements.version(agreement.id(), null, viewer).orElseThrow().revision().title();
        Paragraphs.Paragraph about = paragraph;
        long id = db.write(handle -> {
            Long replyTo = null;
            if (input.replyTo() != null) {
                Comment answered = store.find(handle, input.replyTo()).filter(found -> found.agreementId() == agreement.id())
                        .orElseThrow(() -> new InvalidInput("replyTo", "error.comment.replyTo"));
                replyTo = answered.threadId();
            }
            // issue 17: a BSN, an address … refuses the comment unless the writer confirms it is none
            TextGuard.Subject subject = subject(agreement, null);
            Screening screening = guard.check(handle, subject, Screening.fields("text", text), guard.parties(subject), input.accepted());
            Instant now = clock.instant();
            long created = store.insert(handle, new CommentStore.NewComment(agreement.id(), replyTo, text, number, about),
                    viewer.accountId(), viewer.displayName(), now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("comment", created);
            details.put("revision", number);
            if (about != null) {
                details.put("block", about.index());
            }
            if (replyTo != null) {
                details.put("replyTo", replyTo);
            }
            details.put("sha256", Hashes.sha256(text));
            audit.record(handle, viewer.author(), replyTo == null ? "comment.create" : "comment.reply",
                    "agreement:" + agreement.id(), agreement.koppelzone().id(), details);
            guard.record(handle, subject.withId(created), screening, input.accepted(), viewer.author());
            mentions.notify(handle, agreement, title, created, viewer, text);
            return created;
        });
        return find(id).orElseThrow();
    }

    /** Changes the text of one's own comment within {@link #EDIT_WINDOW}; the earlier text is kept. */
    public Comment edit(Agreement agreement, long commentId, String typed, Viewer viewer) {
        return edit(agreement, commentId, typed, Accepted.NONE, viewer);
    }

    /**
     * As {@link #edit(Agreement, long, String, Viewer)}, with the privacy findings the writer confirms;
     * confirmations made before for this comment stay valid.
     */
    public Comment edit(Agreement agreement, long commentId, String typed, Accepted accepted, Viewer viewer) {
        String text = text(typed);
        String title = agreements.version(agreement.id(), null, viewer).orElseThrow().revision().title();
        db.write(handle -> {
            Comment comment = store.find(handle, commentId).orElseThrow();
            if (!viewer.authenticated() || viewer.accountId() != comment.accountId()) {
                throw Refused.forbidden("error.comment.notYours");
            }
            if (!editable(comment, viewer)) {
                throw Refused.conflict("error.comment.editWindow", EDIT_WINDOW.toMinutes());
            }
            TextGuard.Subject subject = subject(agreement, commentId);
            Screening screening = guard.check(handle, subject, Screening.fields("text", text), guard.parties(subject), accepted);
            guard.record(handle, subject, screening, accepted, viewer.author());
            if (comment.body().equals(text)) {
                return null;
            }
            store.edit(handle, comment, text, clock.instant());
            audit.record(handle, viewer.author(), "comment.edit", "agreement:" + agreement.id(), agreement.koppelzone().id(),
                    Map.of("comment", commentId, "previousSha256", Hashes.sha256(comment.body()),
                            "sha256", Hashes.sha256(text)));
            mentions.notify(handle, agreement, title, commentId, viewer, text);
            return null;
        });
        return find(commentId).orElseThrow();
    }

    /** Resolves ({@code resolved}) or reopens a thread: its author, or the voorzitter (and beheerder). */
    public Comment resolve(Agreement agreement, long commentId, boolean resolved, Viewer viewer) {
        db.write(handle -> {
            Comment comment = store.find(handle, commentId).orElseThrow();
            if (!comment.thread()) {
                throw Refused.conflict("error.comment.notThread");
            }
            if (!mayResolve(comment, agreement, viewer)) {
                throw Refused.forbidden("error.comment.resolveNotAllowed");
            }
            if (comment.resolved() == resolved) {
                return null;
            }
            if (resolved) {
                store.resolve(handle, commentId, viewer.displayName(), clock.instant());
            } else {
                store.reopen(handle, commentId);
            }
            audit.record(handle, viewer.author(), resolved ? "comment.resolve" : "comment.reopen",
                    "agreement:" + agreement.id(), agreement.koppelzone().id(), Map.of("comment", commentId));
            return null;
        });
        return find(commentId).orElseThrow();
    }

    /** The text as it will be stored, or the reason it cannot be. */
    private String text(String typed) {
        String text = CleanText.text(typed).replace("\r\n", "\n").strip();
        if (text.isEmpty()) {
            throw new InvalidInput("text", "error.comment.empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidInput("text", "error.comment.tooLong", MAX_LENGTH, text.length());
        }
        String problem = markdown.problem(text);
        if (problem != null) {
            throw new InvalidInput("text", problem);
        }
        return text;
    }

    /**
     * The privacy findings of a comment not confirmed (medium ones: a warning to its writer; comments
     * are for members only, so they stay visible).
     */
    public List<FieldFinding> unconfirmed(Comment comment) {
        return db.read(handle -> guard.unconfirmed(handle, TextSource.COMMENT, comment.id(),
                Screening.fields("text", comment.body()), guard.parties(handle, TextSource.COMMENT, comment.id())));
    }

    /**
     * The findings beside a typed comment after {@code refused}: a refusal for personal data shows them,
     * any other keeps those of what was typed with the writer's ticks (issue 17).
     */
    public TextPanel privacyPanel(Agreement agreement, String typed, RuntimeException refused, Accepted accepted) {
        return guard.panel(refused, agreement.koppelzone().id(), Screening.fields("text", typed), accepted);
    }

    private static TextGuard.Subject subject(Agreement agreement, Long commentId) {
        return new TextGuard.Subject(TextSource.COMMENT, commentId, "agreement:" + agreement.id(), agreement.koppelzone().id());
    }
}
