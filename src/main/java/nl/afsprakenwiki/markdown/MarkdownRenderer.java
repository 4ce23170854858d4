package nl.afsprakenwiki.markdown;

import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.toc.TocExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * The only place where user text becomes HTML. Markdown is rendered by flexmark with raw HTML
 * escaped, and the result is passed through an allow-list sanitiser, so that neither a flexmark
 * feature nor a future option can let script, event handlers or foreign URL schemes through.
 *
 * <p>Two adjustments keep rendered text from interfering with the page around it: headings move one
 * level down (the page title is the only {@code h1}), and heading ids and in-page links get the prefix
 * {@code h-}, so a heading can never take the id of an element of the page itself.
 */
public final class MarkdownRenderer {

    /** Most links one paragraph may hold: flexmark's inline parser is quadratic in them. */
    public static final int MAX_LINKS_PER_PARAGRAPH = 500;
    private static final String ID_PREFIX = "h-";
    private static final int MAX_ID = 200;
    private static final Pattern HEADING_ID = Pattern.compile("[\\p{L}\\p{N}_-]+");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t]*\\n");
    private static final Pattern LINK_START = Pattern.compile("\\]\\(|://|www\\.|<[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern CODE_CLASS = Pattern.compile("language-[a-zA-Z0-9_+-]{1,40}");
    private static final Pattern ALIGN = Pattern.compile("left|center|right");
    private static final String DONE_MARKER =
            "<span class=\"task-box task-done\" role=\"img\" aria-label=\"afgevinkt\">\u2611</span> ";
    private static final String OPEN_MARKER =
            "<span class=\"task-box task-open\" role=\"img\" aria-label=\"niet afgevinkt\">\u2610</span> ";

    private final Parser parser;
    /**
     * The parser for {@link #searchText}: the same without recognising bare web addresses as links,
     * which only the HTML needs (the text is the same) and which took a fifth of turning markdown
     * into search text.
     */
    private final Parser searchParser;
    private final HtmlRenderer renderer;
    private final PolicyFactory policy;
    private final HtmlCache cache;
    /** HTML rendered ahead of the views (see {@code agreements.RenderedAhead}), or null. */
    private volatile RenderedFile ahead;
    private final LongAdder fromAhead = new LongAdder();

    /**
     * Keeps the HTML of the 2,000 most recently viewed revisions as strings and that of up to 64 MB of
     * deflated HTML (some 40,000 revisions of national size) besides.
     */
    public MarkdownRenderer() {
        this(2_000, 64L << 20);
    }

    public MarkdownRenderer(int hotEntries, long maxPackedBytes) {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(
                TablesExtension.create(),
                TaskListExtension.create(),
                StrikethroughExtension.create(),
                AutolinkExtension.create(),
                AnchorLinkExtension.create(),
                TocExtension.create()));
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        // AnchorLink with header ids would emit the id twice (on the heading and on the link).
        options.set(AnchorLinkExtension.ANCHORLINKS_SET_ID, false);
        // Wrapping the heading text gives the anchor link an accessible name.
        options.set(AnchorLinkExtension.ANCHORLINKS_WRAP_TEXT, true);
        options.set(TocExtension.LIST_CLASS, "toc");
        options.set(TablesExtension.WITH_CAPTION, false);
        options.set(TaskListExtension.ITEM_DONE_MARKER, DONE_MARKER);
        options.set(TaskListExtension.ITEM_NOT_DONE_MARKER, OPEN_MARKER);
        this.parser = Parser.builder(options).build();
        MutableDataSet searchOptions = new MutableDataSet(options);
        searchOptions.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), TaskListExtension.create(),
                StrikethroughExtension.create(), AnchorLinkExtension.create(), TocExtension.create()));
        this.searchParser = Parser.builder(searchOptions).build();
        this.renderer = HtmlRenderer.builder(options).build();
        this.policy = policy();
        this.cache = new HtmlCache(hotEntries, maxPackedBytes);
    }

    /**
     * Renders markdown to sanitised HTML. Text that flexmark cannot render (nesting so deep that it
     * overflows the stack, or so many links in one paragraph that parsing would take minutes) is
     * shown as escaped source instead; saving such text is refused earlier (see {@link #problem}).
     */
    public String render(String markdown) {
        return render(markdown, Map.of());
    }

    /**
     * A file the text being rendered may refer to as {@code bijlage:NAME}: its download address, and
     * whether it may be shown inline as an image (PNG and JPEG only).
     */
    public record LinkedFile(String url, boolean image) {
    }

    /** The scheme of links to a revision's own files: {@code ![Stroomschema](bijlage:stroomschema.png)}. */
    public static final String FILE_SCHEME = "bijlage:";

    /**
     * {@link #render(String)}, with {@code bijlage:NAME} links and images resolved against {@code files}
     * (the files of the revision being rendered). An image of a file that is not there or not an image
     * shows its alt text; a link to an unknown file keeps only its text.
     */
    public String render(String markdown, Map<String, LinkedFile> files) {
        String text = markdown == null ? "" : markdown;
        if (tooManyLinks(text)) {
            return fallback(text);
        }
        try {
            Document document = parser.parse(text);
            if (text.contains(FILE_SCHEME)) {
                FileLinks.resolve(document, files);
            }
            return policy.sanitize(renderer.render(document));
        } catch (StackOverflowError e) {
            return fallback(text);
        }
    }

    /**
     * Why {@code markdown} cannot be stored, as a message key, or null if it renders. Called when
     * text is saved or imported, so that every stored revision displays as written.
     */
    public String problem(String markdown) {
        if (tooManyLinks(markdown)) {
            return "error.body.tooManyLinks";
        }
        try {
            renderer.render(parser.parse(markdown));
            return null;
        } catch (StackOverflowError e) {
            return "error.body.tooDeep";
        }
    }

    private static boolean tooManyLinks(String markdown) {
        for (String paragraph : PARAGRAPH_BREAK.split(markdown)) {
            if (paragraph.length() > MAX_LINKS_PER_PARAGRAPH * 3) {
                var links = LINK_START.matcher(paragraph);
                int count = 0;
                while (links.find()) {
                    if (++count > MAX_LINKS_PER_PARAGRAPH) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private String fallback(String markdown) {
        return "<p><em>Deze tekst kan niet met opmaak worden weergegeven; hieronder staat hij zoals hij is geschreven.</em></p>"
                + policy.sanitize("<pre>" + escapeText(markdown) + "</pre>");
    }

    /** Plain text made safe to place in HTML, as text or in a quoted attribute. */
    public static String escapeText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;");
    }

    /**
     * The text search indexes and quotes: blocks one per line, headings joined to what follows
     * them, and the headings apart (see {@link SearchText}).
     */
    public SearchText searchText(String markdown) {
        String text = markdown == null ? "" : markdown;
        if (tooManyLinks(text)) {
            return SearchText.verbatim(text);
        }
        try {
            return SearchText.of(searchParser.parse(text));
        } catch (StackOverflowError e) {
            return SearchText.verbatim(text);
        }
    }

    /**
     * Renders the body of a stored revision. Revisions never change, so their HTML is cached by
     * revision id (an LRU bounded in entries).
     */
    public String renderRevision(long revisionId, String markdown) {
        if (markdown != null && markdown.contains(FILE_SCHEME)) {
            // rendered without the revision's files: not the revision's real HTML, so not cached as such
            return render(markdown);
        }
        return renderRevision(revisionId, markdown, Map.of());
    }

    /** {@link #renderRevision(long, String)} with the revision's files (a revision's files never change either). */
    public String renderRevision(long revisionId, String markdown, Map<String, LinkedFile> files) {
        String cached = cache.get(revisionId);
        if (cached != null) {
            return cached;
        }
        RenderedFile file = ahead;
        String html = file == null ? null : file.get(revisionId, RenderedFile.key(markdown, files));
        if (html != null) {
            // kept as a string among the most recent, not deflated again: the file holds it so
            fromAhead.increment();
            cache.keepHot(revisionId, html);
            return html;
        }
        html = render(markdown, files);
        cache.put(revisionId, html);
        return html;
    }

    /** Serves revisions' HTML from {@code file} (rendered ahead) when it holds their text's; null: none. */
    public void useAhead(RenderedFile file) {
        this.ahead = file;
    }

    /** How many revisions' HTML came from the file rendered ahead (for tests and benchmarks). */
    public long fromAhead() {
        return fromAhead.sum();
    }

    /**
     * Drops the cached HTML of revisions whose stored text was redacted (issue 17): the one case in
     * which a stored revision changes, so the only one in which its cached HTML is stale.
     */
    public void forget(Collection<Long> revisionIds) {
        revisionIds.forEach(cache::remove);
    }

    /**
     * Heading ids and in-page links go through the same function, so a link points at a heading
     * exactly when the heading has that id: prefixed, and cut to a bounded length.
     */
    private static String anchor(String id) {
        if (!HEADING_ID.matcher(id).matches()) {
            return null;
        }
        return ID_PREFIX + (id.length() > MAX_ID ? id.substring(0, MAX_ID) : id);
    }

    private static PolicyFactory policy() {
        return new HtmlPolicyBuilder()
                .allowElements("p", "br", "hr", "blockquote", "pre", "code", "em", "strong", "del", "s",
                        "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "a", "img", "span")
                .allowElements((name, attributes) -> "h" + Math.min(6, name.charAt(1) - '0' + 1),
                        "h1", "h2", "h3", "h4", "h5", "h6")
                .allowAttributes("id")
                    .matching((element, attribute, value) -> anchor(value))
                    .onElements("h1", "h2", "h3", "h4", "h5", "h6")
                .allowAttributes("href")
                    .matching((element, attribute, value) -> {
                        if (!value.startsWith("#")) {
                            return value;
                        }
                        String target = anchor(value.substring(1));
                        return target == null ? null : "#" + target;
                    })
                    .onElements("a")
                .allowAttributes("title").onElements("a", "img")
                .allowAttributes("src", "alt").onElements("img")
                .allowAttributes("start").matching(Pattern.compile("[0-9]{1,6}")).onElements("ol")
                .allowAttributes("align").matching(ALIGN).onElements("th", "td")
                .allowAttributes("class").matching(CODE_CLASS).onElements("code")
                .allowAttributes("class").matching(Pattern.compile("toc")).onElements("ul")
                .allowAttributes("class").matching(Pattern.compile("task-list-item")).onElements("li")
                .allowAttributes("class").matching(Pattern.compile("task-box task-(done|open)")).onElements("span")
                .allowAttributes("role").matching(Pattern.compile("img")).onElements("span")
                .allowAttributes("aria-label").matching(Pattern.compile("afgevinkt|niet afgevinkt")).onElements("span")
                .allowUrlProtocols("http", "https", "mailto")
                .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                .toFactory();
    }
}
