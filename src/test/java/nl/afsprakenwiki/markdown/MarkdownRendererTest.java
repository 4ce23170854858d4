package nl.afsprakenwiki.markdown;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class MarkdownRendererTest {

    private static final String REL = "rel=\"nofollow noopener noreferrer\"";
    /** Only a guard against hangs: every input here renders in well under a second. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(5);

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    // ---------------------------------------------------------------- features

    @Test
    void tablesKeepTheirColumnAlignment() {
        String html = renderer.render("""
                | Partij | Rol | Termijn |
                |:-------|:---:|--------:|
                | GI | casusregie | 5 dagen |
                """);

        assertThat(html).contains("<table><thead><tr>"
                + "<th align=\"left\">Partij</th><th align=\"center\">Rol</th><th align=\"right\">Termijn</th>"
                + "</tr></thead><tbody><tr>"
                + "<td align=\"left\">GI</td><td align=\"center\">casusregie</td><td align=\"right\">5 dagen</td>"
                + "</tr></tbody></table>");
        assertThat(unsafeParts(html)).isEmpty();
    }

    @Test
    void taskListsShowAccessibleCheckBoxes() {
        String html = renderer.render("- [x] plan gemaakt\n- [ ] plan besproken\n");

        assertThat(html).contains("<li class=\"task-list-item\">"
                + "<span class=\"task-box task-done\" role=\"img\" aria-label=\"afgevinkt\">\u2611</span> plan gemaakt</li>");
        assertThat(html).contains("<li class=\"task-list-item\">"
                + "<span class=\"task-box task-open\" role=\"img\" aria-label=\"niet afgevinkt\">\u2610</span> plan besproken</li>");
        assertThat(html).doesNotContain("<input");
    }

    @Test
    void strikethroughBecomesDel() {
        assertThat(renderer.render("De ~~oude~~ nieuwe termijn"))
                .isEqualTo("<p>De <del>oude</del> nieuwe termijn</p>\n");
    }

    @Test
    void bareUrlsBecomeLinks() {
        String html = renderer.render("Zie https://example.org/afspraken en www.example.org voor meer.");

        assertThat(html).contains("<a href=\"https://example.org/afspraken\" " + REL + ">https://example.org/afspraken</a>");
        assertThat(html).contains("<a href=\"http://www.example.org\" " + REL + ">www.example.org</a>");
    }

    @Test
    void headingsMoveOneLevelDownWithPrefixedIdAndAnchorLink() {
        String html = renderer.render("# Rollen\n\n## Taken van de GI\n");

        assertThat(html).contains("<h2 id=\"h-rollen\"><a href=\"#h-rollen\" " + REL + ">Rollen</a></h2>");
        assertThat(html).contains("<h3 id=\"h-taken-van-de-gi\"><a href=\"#h-taken-van-de-gi\" " + REL
                + ">Taken van de GI</a></h3>");
        assertThat(html).doesNotContain("<h1");
    }

    @Test
    void theDeepestHeadingLevelsBothBecomeH6() {
        // There is no h7: markdown levels 5 and 6 share h6.
        String html = renderer.render("##### Vijf\n\n###### Zes\n");

        assertThat(html).contains("<h6 id=\"h-vijf\">").contains("<h6 id=\"h-zes\">");
    }

    @Test
    void headingIdsKeepAccentedLetters() {
        assertThat(renderer.render("# Coördinatie\n")).contains("<h2 id=\"h-coördinatie\">");
    }

    @Test
    void inPageLinksPointAtThePrefixedHeadingIds() {
        String html = renderer.render("# Rollen\n\nZie [de rollen](#rollen).\n");

        assertThat(html).contains("<p>Zie <a href=\"#h-rollen\" " + REL + ">de rollen</a>.</p>");
        assertThat(html).contains("<h2 id=\"h-rollen\">");
    }

    @Test
    void tableOfContentsLinksToThePrefixedIds() {
        String html = renderer.render("[TOC]\n\n## Aanmelding\n\n### Eerste gesprek\n\n## Afsluiting\n");

        assertThat(html).startsWith("<ul class=\"toc\">");
        String tableOfContents = html.substring(0, html.indexOf("<h"));
        assertThat(hrefsOf(tableOfContents)).containsExactly("#h-aanmelding", "#h-eerste-gesprek", "#h-afsluiting");
        assertThat(html).contains("<h3 id=\"h-aanmelding\">", "<h4 id=\"h-eerste-gesprek\">", "<h3 id=\"h-afsluiting\">");
    }

    @Test
    void fencedCodeKeepsItsLanguageClassAndEscapesItsContent() {
        String html = renderer.render("```java\nif (a < b && c > d) { x = 1; }\n```\n");

        assertThat(html).startsWith("<pre><code class=\"language-java\">");
        assertThat(textContent(html)).isEqualTo("if (a < b && c > d) { x = 1; }\n\n");
        assertThat(html).contains("&lt;").contains("&amp;&amp;").doesNotContain("a < b");
    }

    @Test
    void everyLinkGetsNofollowNoopenerNoreferrer() {
        String html = renderer.render("[a](https://a.example) <https://b.example> www.c.example [d](#d) [e](/pad)");

        List<Tag> links = tags(html).stream().filter(tag -> tag.name().equals("a") && !tag.closing()).toList();
        assertThat(links).hasSize(5);
        assertThat(links).allSatisfy(link ->
                assertThat(link.attributes()).containsEntry("rel", "nofollow noopener noreferrer"));
    }

    @Test
    void ordinaryWebMailAndRelativeLinksSurvive() {
        String html = renderer.render("[a](http://a.example/pad) [b](https://b.example/zoek?q=jeugd&p=2#uitkomst) "
                + "[c](mailto:secretariaat@koppelzone.example) [d](/koppelzones/tilburg) [e](andere-afspraak)");

        assertThat(hrefsOf(html)).containsExactly(
                "http://a.example/pad",
                "https://b.example/zoek?q=jeugd&p=2#uitkomst",
                "mailto:secretariaat@koppelzone.example",
                "/koppelzones/tilburg",
                "andere-afspraak");
    }

    @Test
    void linksWithOtherSchemesLoseTheLinkButKeepTheirText() {
        String html = renderer.render("[bel](tel:+31201234567) [ftp](ftp://example.org) [js](javascript:alert(1))");

        assertThat(html).isEqualTo("<p>bel ftp js</p>\n");
    }

    @Test
    void imagesKeepSourceAltAndTitle() {
        Tag image = tags(renderer.render("![Stroomschema](https://a.example/schema.png \"Route\")")).stream()
                .filter(tag -> tag.name().equals("img")).findFirst().orElseThrow();

        assertThat(image.attributes())
                .containsEntry("src", "https://a.example/schema.png")
                .containsEntry("alt", "Stroomschema")
                .containsEntry("title", "Route");
    }

    @Test
    void orderedListsKeepTheirStartNumber() {
        assertThat(renderer.render("3. derde\n4. vierde\n")).isEqualTo("<ol start=\"3\"><li>derde</li><li>vierde</li></ol>\n");
    }

    @Test
    void nullAndEmptyInputRenderAsNothing() {
        assertThat(renderer.render(null)).isEmpty();
        assertThat(renderer.render("")).isEmpty();
    }

    // ---------------------------------------------------------------- revision cache

    @Test
    void aRevisionIsRenderedOnceAndThenServedFromTheCache() {
        String first = renderer.renderRevision(42, "**vet**");
        // Revisions never change, so a second call for the same id must not look at the text again.
        String second = renderer.renderRevision(42, "iets heel anders");

        assertThat(first).isEqualTo("<p><strong>vet</strong></p>\n");
        assertThat(second).isSameAs(first);
        assertThat(renderer.renderRevision(43, "iets heel anders")).isEqualTo("<p>iets heel anders</p>\n");
    }

    @Test
    void theRevisionCacheForgetsTheLeastRecentlyUsedRevision() {
        // one revision as a string, and room for two deflated
        MarkdownRenderer small = new MarkdownRenderer(1, HtmlCache.packedSize("<p>een</p>\n")
                + HtmlCache.packedSize("<p>twee</p>\n"));
        small.renderRevision(1, "een");
        small.renderRevision(2, "twee");
        small.renderRevision(1, "ongebruikt");   // 1 is now more recently used than 2
        small.renderRevision(3, "drie");         // evicts 2

        assertThat(small.renderRevision(1, "nieuw")).isEqualTo("<p>een</p>\n");
        assertThat(small.renderRevision(3, "nieuw")).isEqualTo("<p>drie</p>\n");
        assertThat(small.renderRevision(2, "nieuw")).isEqualTo("<p>nieuw</p>\n");
    }

    // ---------------------------------------------------------------- hostile input

    @Test
    void theCorpusHoldsEnoughPayloads() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(60).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("corpusPayloads")
    void hostilePayloadsRenderToSafeHtml(String payload) {
        String html = renderer.render(payload);

        assertThat(unsafeParts(html)).as("unsafe parts of %s", html).isEmpty();
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typedMarkup")
    void markupTypedInTextIsShownAsText(String markdown) {
        String html = renderer.render(markdown);

        assertThat(textContent(html)).contains(markdown.strip().replace("`", ""));
        assertThat(unsafeParts(html)).isEmpty();
    }

    static Stream<String> typedMarkup() {
        return Stream.of(
                "<script>alert(1)</script>",
                "Gebruik <img src=x onerror=alert(1)> niet",
                "<iframe src=\"https://evil.example\"></iframe>",
                "<a href=\"javascript:alert(1)\">klik</a>",
                "<!-- verborgen -->",
                "`<b>code</b>`",
                "Jongeren < 18 & ouders > 40");
    }

    @Test
    void scriptTypedInAParagraphIsEscaped() {
        assertThat(renderer.render("<script>alert(1)</script>"))
                .isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
    }

    @Test
    void aLinkWithAForbiddenSchemeKeepsItsTextWithoutTheLink() {
        assertThat(renderer.render("[klik hier](javascript:alert(1)) of ![plaatje](data:image/png;base64,AAAA)"))
                .isEqualTo("<p>klik hier of <img alt=\"plaatje\" /></p>\n");
    }

    @Test
    void quotesInTitlesAndUrlsStayInsideTheirAttribute() {
        Tag link = tags(renderer.render("[x](http://a.example \"onmouseover=alert(1) x\")")).get(1);
        Tag image = tags(renderer.render("![x](x\"onerror=\"alert(1))")).get(1);

        assertThat(link.attributes()).containsOnlyKeys("href", "title", "rel")
                .containsEntry("title", "onmouseover=alert(1) x");
        assertThat(image.attributes()).containsOnlyKeys("src", "alt")
                .containsEntry("src", "x\"onerror=\"alert%281%29");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("largeInputs")
    void largeAndDeeplyNestedInputRenderQuicklyAndSafely(String markdown) {
        String html = assertTimeoutPreemptively(HANG_GUARD, () -> renderer.render(markdown));

        assertThat(html).isNotEmpty();
        assertThat(unsafeParts(html)).isEmpty();
    }

    static Stream<Named<String>> largeInputs() {
        return Stream.of(
                Named.of("10,000 [", "[".repeat(10_000)),
                Named.of("10,000 nested [ around a javascript: link",
                        "[".repeat(10_000) + "x" + "]".repeat(10_000) + "(javascript:alert(1))"),
                Named.of("10,000 ![", "![".repeat(10_000)),
                Named.of("10,000 (", "[x](" + "(".repeat(10_000)),
                Named.of("10,000 <", "<".repeat(10_000)),
                Named.of("10,000 backticks", "`".repeat(10_000)),
                Named.of("10,000 script tags", "<script>alert(1)</script>".repeat(10_000)),
                Named.of("10,000 entity-encoded j", "[x](" + "&#106;".repeat(10_000) + "avascript:alert(1))"),
                Named.of("1,000 emphasis levels", "*".repeat(1_000) + "x" + "*".repeat(1_000)),
                Named.of("200 nested quotes", ">".repeat(200) + " x"),
                Named.of("100 nested lists", "- ".repeat(100) + "x"),
                Named.of("1,000 javascript: links", "[x](javascript:alert(1)) ".repeat(1_000)),
                Named.of("a line of a million letters", "a".repeat(1_000_000)),
                Named.of("20,000 lines", "regel\n".repeat(20_000)));
    }

    // Was a bug (fixed): flexmark recurses once per nesting level when rendering (HtmlRenderer/CoreNodeRenderer), so a
    // body of about 950 '>' or 420 nested "- " items (under 1 KB of text) throws StackOverflowError out of
    // render(); a stored revision like that makes its page, its edit form and its API answer fail every time.
    @ParameterizedTest(name = "{0}")
    @MethodSource("deeplyNestedBlocks")
    void deeplyNestedBlocksRenderWithoutStackOverflow(String markdown) {
        String html = assertTimeoutPreemptively(HANG_GUARD, () -> renderer.render(markdown));

        assertThat(unsafeParts(html)).isEmpty();
    }

    static Stream<Named<String>> deeplyNestedBlocks() {
        return Stream.of(
                Named.of("10,000 nested quotes", ">".repeat(10_000) + " x"),
                Named.of("1,000 nested lists", "- ".repeat(1_000) + "x"),
                Named.of("1,000 nested quote-lists", "> - ".repeat(1_000) + "x"));
    }

    // Was a bug (fixed): flexmark's ThematicBreakParser matches each line against a regex with a repeated group, which
    // java.util.regex evaluates recursively; a line of ~1,800 '-', '_' or '*' (a long separator line)
    // throws StackOverflowError out of render().
    @ParameterizedTest(name = "{0}")
    @MethodSource("longSeparatorLines")
    void longSeparatorLinesRenderWithoutStackOverflow(String markdown) {
        String html = assertTimeoutPreemptively(HANG_GUARD, () -> renderer.render(markdown));

        assertThat(unsafeParts(html)).isEmpty();
    }

    static Stream<Named<String>> longSeparatorLines() {
        return Stream.of(
                Named.of("3,000 dashes", "-".repeat(3_000)),
                Named.of("3,000 underscores and a letter", "_".repeat(3_000) + "a"),
                Named.of("5,000 emphasis levels", "*".repeat(5_000) + "x" + "*".repeat(5_000)));
    }

    // Was a bug (fixed): flexmark's inline parser is quadratic in the number of links in one paragraph: 10,000 links
    // take ~3 s, 20,000 ~8 s; a body within MAX_BODY (500,000 chars) of 70,000 links takes minutes.
    @Test
    void manyLinksInOneParagraphAreRefusedAndNeverRenderForMinutes() {
        String markdown = "[a](b) ".repeat(70_000);

        String html = assertTimeoutPreemptively(HANG_GUARD, () -> renderer.render(markdown));

        // shown as escaped source instead of spending minutes in flexmark's quadratic link parsing
        assertThat(html).contains("<pre>[a](b) [a](b)").doesNotContain("<a href");
        assertThat(renderer.problem(markdown)).isEqualTo("error.body.tooManyLinks");
        assertThat(renderer.problem("[a](b) ".repeat(MarkdownRenderer.MAX_LINKS_PER_PARAGRAPH))).isNull();
        assertThat(renderer.problem(("[a](b) ".repeat(400) + "\n\n").repeat(10))).isNull();
    }

    @Test
    void textThatOverflowsTheRendererIsReportedAsAProblemAndShownAsSource() {
        String markdown = ">".repeat(10_000) + " x";
        assertThat(renderer.problem(markdown)).isEqualTo("error.body.tooDeep");
        assertThat(renderer.render(markdown)).contains("<pre>&gt;&gt;&gt;").contains("kan niet met opmaak");
        assertThat(renderer.problem("> citaat\n\n- lijst")).isNull();
    }

    // Was a bug (fixed): the id policy drops heading ids that do not match [\p{L}\p{N}_-]{1,200}, but the anchor link
    // inside the heading keeps href="#h-…", so it points at nothing.
    @ParameterizedTest(name = "{0}")
    @MethodSource("unusualHeadings")
    void inPageLinksOfHeadingsPointAtExistingIds(String markdown) {
        List<Tag> tags = tags(renderer.render(markdown));
        List<String> ids = tags.stream().map(tag -> tag.attributes().get("id")).filter(id -> id != null).toList();
        List<String> targets = tags.stream().map(tag -> tag.attributes().get("href"))
                .filter(href -> href != null && href.startsWith("#")).map(href -> href.substring(1)).toList();

        assertThat(ids).containsAll(targets);
    }

    static Stream<Named<String>> unusualHeadings() {
        return Stream.of(
                Named.of("a heading of 201 letters", "# " + "a".repeat(201)),
                Named.of("a heading of punctuation only", "# ?!"));
    }

    @Test
    void inPageLinksOfOrdinaryHeadingsPointAtExistingIds() {
        List<Tag> tags = tags(renderer.render("[TOC]\n\n## Eén\n\n### Twee & drie\n\n## Eén\n"));
        List<String> ids = tags.stream().map(tag -> tag.attributes().get("id")).filter(id -> id != null).toList();
        List<String> targets = tags.stream().map(tag -> tag.attributes().get("href"))
                .filter(href -> href != null && href.startsWith("#")).map(href -> href.substring(1)).toList();

        assertThat(ids).containsExactly("h-eén", "h-twee--drie", "h-eén-1");
        assertThat(targets).hasSize(6).allMatch(ids::contains);
    }

    // ---------------------------------------------------------------- the scanner

    @Test
    void theScannerRecognisesUnsafeMarkup() {
        // The corpus test is only as good as this scanner, so it must find each kind of problem.
        assertThat(unsafeParts("<p onclick=\"x()\">a</p>")).hasSize(1);
        assertThat(unsafeParts("<div>a</div>")).hasSize(2);
        assertThat(unsafeParts("<p style=\"color:red\">a</p>")).hasSize(1);
        assertThat(unsafeParts("<a href=\"&#106;ava&Tab;script&colon;x\">a</a>")).hasSize(1);
        assertThat(unsafeParts("<a href=\" JAVA\u200Bscript:x\">a</a>")).hasSize(1);
        assertThat(unsafeParts("<img src=\"Data:text/html,x\" />")).hasSize(1);
        assertThat(unsafeParts("<a href=vbscript:x>a</a>")).hasSize(1);
        assertThat(unsafeParts("<!-- x -->")).hasSize(1);
        assertThat(unsafeParts("<SCRIPT>")).isNotEmpty();
        assertThat(unsafeParts("<p>a &lt;script&gt; <a href=\"&amp;#106;avascript:x\" rel=\"x\">b</a><br /></p>"))
                .isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private static final Set<String> ALLOWED_ELEMENTS = Set.of("p", "br", "hr", "blockquote", "pre", "code", "em",
            "strong", "del", "s", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "a", "img", "span",
            "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> FORBIDDEN_ATTRIBUTES = Set.of("style", "srcdoc", "formaction");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "data",
            "xlink:href", "poster", "background", "cite");
    private static final List<String> FORBIDDEN_SCHEMES = List.of("javascript:", "vbscript:", "data:");

    private static final Pattern TAG = Pattern.compile(
            "<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\\s+[^\\s\"'<>/=]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`]+))?)*)\\s*/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([^\\s\"'<>/=]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[a-zA-Z]{2,8});?");
    private static final Map<String, String> NAMED_ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("colon", ":"), Map.entry("tab", "\t"), Map.entry("newline", "\n"),
            Map.entry("nbsp", "\u00A0"), Map.entry("sol", "/"), Map.entry("lpar", "("), Map.entry("rpar", ")"));

    /** A start or end tag of the output with its attributes, values decoded. */
    record Tag(String name, boolean closing, Map<String, String> attributes) {
    }

    /**
     * Every problem in {@code html}: markup that is not a plain tag (comments, CDATA, stray {@code <}),
     * elements outside the allow-list, event handlers, style-like attributes and URLs with a script or
     * data scheme. Empty means safe.
     */
    static List<String> unsafeParts(String html) {
        List<String> problems = new ArrayList<>();
        if (html.toLowerCase(Locale.ROOT).contains("<script")) {
            problems.add("raw <script");
        }
        int index = html.indexOf('<');
        while (index >= 0) {
            Matcher tag = TAG.matcher(html).region(index, html.length());
            if (!tag.lookingAt()) {
                problems.add("not a plain tag: " + html.substring(index, Math.min(html.length(), index + 40)));
                index = html.indexOf('<', index + 1);
                continue;
            }
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            if (!ALLOWED_ELEMENTS.contains(name)) {
                problems.add("element " + tag.group());
            }
            Matcher attribute = ATTRIBUTE.matcher(tag.group(3));
            while (attribute.find()) {
                String attributeName = attribute.group(1).toLowerCase(Locale.ROOT);
                String value = decode(valueOf(attribute));
                if (attributeName.startsWith("on")) {
                    problems.add("event handler " + attribute.group());
                } else if (FORBIDDEN_ATTRIBUTES.contains(attributeName)) {
                    problems.add("attribute " + attribute.group());
                } else if (URL_ATTRIBUTES.contains(attributeName) && hasForbiddenScheme(value)) {
                    problems.add("URL " + attribute.group());
                }
            }
            index = html.indexOf('<', tag.end());
        }
        return problems;
    }

    static List<Tag> tags(String html) {
        List<Tag> tags = new ArrayList<>();
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            Map<String, String> attributes = new java.util.LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(tag.group(3));
            while (attribute.find()) {
                attributes.put(attribute.group(1).toLowerCase(Locale.ROOT), decode(valueOf(attribute)));
            }
            tags.add(new Tag(tag.group(2).toLowerCase(Locale.ROOT), !tag.group(1).isEmpty(), attributes));
        }
        return tags;
    }

    static List<String> hrefsOf(String html) {
        return tags(html).stream().filter(tag -> tag.name().equals("a") && !tag.closing())
                .map(tag -> tag.attributes().get("href")).toList();
    }

    /** The text a browser would show: tags removed, character references decoded. */
    static String textContent(String html) {
        return decode(TAG.matcher(html).replaceAll(""));
    }

    private static String valueOf(Matcher attribute) {
        for (int group = 2; group <= 4; group++) {
            if (attribute.group(group) != null) {
                return attribute.group(group);
            }
        }
        return "";
    }

    /** Decodes character references once, as a browser does for an attribute value. */
    static String decode(String value) {
        return ENTITY.matcher(value).replaceAll(match -> {
            String reference = match.group(1);
            String decoded;
            if (reference.startsWith("#x") || reference.startsWith("#X")) {
                decoded = Character.toString(Integer.parseInt(reference.substring(2), 16));
            } else if (reference.startsWith("#")) {
                decoded = Character.toString(Integer.parseInt(reference.substring(1)));
            } else {
                decoded = NAMED_ENTITIES.getOrDefault(reference.toLowerCase(Locale.ROOT), match.group());
            }
            return Matcher.quoteReplacement(decoded);
        });
    }

    /** Browsers ignore whitespace, control and invisible format characters in a URL scheme. */
    private static boolean hasForbiddenScheme(String url) {
        StringBuilder compact = new StringBuilder();
        url.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !Character.isISOControl(c)
                        && Character.getType(c) != Character.FORMAT)
                .forEach(compact::appendCodePoint);
        String scheme = compact.toString().toLowerCase(Locale.ROOT);
        return FORBIDDEN_SCHEMES.stream().anyMatch(scheme::startsWith);
    }

    static Stream<Named<String>> corpusPayloads() {
        return corpus().stream().map(payload -> Named.of(label(payload), payload));
    }

    /** The entries of xss-corpus.txt: payloads separated by lines that hold only {@code %%}. */
    static List<String> corpus() {
        String text;
        try (InputStream in = MarkdownRendererTest.class.getResourceAsStream("/xss-corpus.txt")) {
            assertThat(in).as("xss-corpus.txt on the test classpath").isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> entries = new ArrayList<>();
        List<String> entry = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.equals("%%")) {
                entries.add(String.join("\n", entry));
                entry.clear();
            } else {
                entry.add(line);
            }
        }
        entries.add(String.join("\n", entry));
        return entries.stream().filter(payload -> !payload.isBlank()).toList();
    }

    private static String label(String payload) {
        String oneLine = payload.replace("\n", "\u23CE");
        return oneLine.length() <= 70 ? oneLine : oneLine.substring(0, 69) + "\u2026";
    }
}
