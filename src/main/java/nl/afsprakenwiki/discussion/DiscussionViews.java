package nl.afsprakenwiki.discussion;

import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.Revision;
import nl.afsprakenwiki.markdown.MarkdownRenderer;

import nl.afsprakenwiki.privacy.TextPanel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The discussion as the pages show it: threads with their replies, each comment rendered and placed. */
public final class DiscussionViews {

    private final Comments comments;
    private final AgreementService agreements;
    private final MarkdownRenderer markdown;

    public DiscussionViews(Comments comments, AgreementService agreements, MarkdownRenderer markdown) {
        this.comments = comments;
        this.agreements = agreements;
        this.markdown = markdown;
    }

    /**
     * One comment as shown: its sanitised HTML, what the viewer may do with it, and for a comment on a
     * paragraph whether that paragraph is still in the current revision as it was ({@code null}: not on a paragraph).
     */
    public record CommentView(Comment comment, String html, boolean editable, boolean mayResolve, Boolean paragraphChanged) {
    }

    public record ThreadView(CommentView first, List<CommentView> replies) {
    }

    /**
     * What was typed in a form that came back refused: the form ({@code "nieuw"} or the id of the
     * thread replied to), the text, the paragraph chosen and the messages per field.
     */
    public record Typed(String form, String text, String block, Map<String, String> errors, TextPanel privacy) {

        public static final Typed NONE = new Typed("", "", "", Map.of());

        public Typed {
            privacy = privacy == null ? TextPanel.NONE : privacy;
        }

        public Typed(String form, String text, String block, Map<String, String> errors) {
            this(form, text, block, errors, TextPanel.NONE);
        }

        /** The privacy findings of what was typed into {@code form}, else none. */
        public TextPanel privacy(String which) {
            return form.equals(which) ? privacy : TextPanel.NONE;
        }

        /** The text typed into {@code form}, else empty. */
        public String text(String which) {
            return form.equals(which) ? text : "";
        }

        public String error(String which, String field) {
            return form.equals(which) ? errors.get(field) : null;
        }
    }

    /** The discussion of one agreement for one viewer. */
    public record Discussion(Agreement agreement, String title, int revision, List<Paragraphs.Paragraph> paragraphs,
                             List<ThreadView> threads, boolean mayComment, Typed typed) {

        public long open() {
            return threads.stream().filter(thread -> !thread.first().comment().resolved()).count();
        }
    }

    /** A form for editing one comment, with what was typed and the message. */
    public record EditForm(Agreement agreement, String title, Comment comment, String text, String error,
                           TextPanel privacy, String reasonError) {
        public EditForm {
            privacy = privacy == null ? TextPanel.NONE : privacy;
        }

        public EditForm(Agreement agreement, String title, Comment comment, String text, String error) {
            this(agreement, title, comment, text, error, TextPanel.NONE, null);
        }
    }

    public Discussion of(Agreement agreement, Viewer viewer, Typed typed) {
        Revision current = agreements.version(agreement.id(), null, viewer).orElseThrow().revision();
        Paragraphs paragraphs = Paragraphs.of(current.body());
        Set<String> present = paragraphs.hashes();
        Map<Long, List<CommentView>> replies = new LinkedHashMap<>();
        List<CommentView> firsts = new ArrayList<>();
        for (Comment comment : comments.of(agreement.id())) {
            CommentView view = view(comment, agreement, viewer, present);
            if (comment.thread()) {
                firsts.add(view);
            } else {
                replies.computeIfAbsent(comment.replyTo(), thread -> new ArrayList<>()).add(view);
            }
        }
        List<ThreadView> threads = firsts.stream()
                .map(first -> new ThreadView(first, replies.getOrDefault(first.comment().id(), List.of()))).toList();
        return new Discussion(agreement, current.title(), current.number(), paragraphs.all(), threads,
                viewer.can(Permission.COMMENT, agreement.koppelzone().id()), typed);
    }

    /** One comment as {@link #of} shows it. */
    public CommentView one(Agreement agreement, Viewer viewer, Comment comment) {
        Revision current = agreements.version(agreement.id(), null, viewer).orElseThrow().revision();
        return view(comment, agreement, viewer, Paragraphs.of(current.body()).hashes());
    }

    private CommentView view(Comment comment, Agreement agreement, Viewer viewer, Set<String> present) {
        Boolean changed = comment.blockSha256() == null ? null : !present.contains(comment.blockSha256());
        return new CommentView(comment, markdown.render(comment.body()), comments.editable(comment, viewer),
                Comments.mayResolve(comment, agreement, viewer), changed);
    }

    public EditForm edit(Agreement agreement, Viewer viewer, Comment comment, String text, String error) {
        return edit(agreement, viewer, comment, text, error, TextPanel.NONE, null);
    }

    /** As {@link #edit(Agreement, Viewer, Comment, String, String)}, with the findings of a refused save. */
    public EditForm edit(Agreement agreement, Viewer viewer, Comment comment, String text, String error,
                         TextPanel privacy, String reasonError) {
        String title = agreements.version(agreement.id(), null, viewer).orElseThrow().revision().title();
        return new EditForm(agreement, title, comment, text, error, privacy, reasonError);
    }
}
