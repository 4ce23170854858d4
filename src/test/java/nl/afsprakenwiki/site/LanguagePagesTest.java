package nl.afsprakenwiki.site;

import io.javalin.http.HandlerType;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.transfer.DemoContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads every page of the demo wiki the way people do, in both languages: as a visitor, a
 * praktijkexpert, a voorzitter and a beheerder, following the links each of them is shown (a few
 * pages per route of the route table). A page in English must not write a date the Dutch way
 * ("1 maart 2027", "mrt") nor the American way ("April 1, 2026"), and no page in either language
 * may write a count as "revisie(s)", "voorstel(len)" or "afspraak/afspraken".
 *
 * <p>Only the text a reader sees is checked (tags, attributes and scripts stripped), and not the
 * text people wrote: the demo agreements are Dutch and mention months, and a match that occurs in
 * the demo content's source files is theirs, not the wiki's.
 */
class LanguagePagesTest {

    /** Who reads: a visitor (no account) and one demo account per kind of person. */
    private static final List<String> PEOPLE = List.of("", "expert.tilburg", "voorzitter.tilburg", "beheerder");
    /** Pages to start from besides the home page: those only a form leads to. */
    private static final List<String> SEEDS = List.of("/", "/zoeken?q=overdracht", "/zoeken?q=wachttijd&weergave=lijst");
    /** Pages read per route, with and without a query: enough to meet each route's states, few enough to be quick. */
    private static final int PER_ROUTE = 2;
    /** A bound on what one person reads, should links ever lead to endlessly many pages of one route. */
    private static final int PER_PERSON = 200;

    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)");
    private static final Pattern DUTCH_MONTH = Pattern.compile("(?<![\\p{L}-])(januari|februari|maart|april|mei|juni|juli|augustus"
            + "|september|oktober|november|december|mrt|okt)(?![\\p{L}-])");
    private static final Pattern AMERICAN_DATE = Pattern.compile("(January|February|March|April|May|June|July|August|September"
            + "|October|November|December) \\d{1,2}, \\d{4}");
    private static final Pattern PLURAL_IN_BRACKETS = Pattern.compile("\\p{L}\\((s|en|len|n|es)\\)(?!\\p{L})");
    private static final Pattern PLURAL_WITH_SLASH = Pattern.compile("(?<![\\p{L}/])(\\p{L}{3,})/(\\p{L}{3,})(?![\\p{L}/])");

    /** Where an element's text ends, in the text of a page. */
    private static final char BOUNDARY = '\u0000';

    @TempDir
    static Path dir;
    private static TestApp app;
    /** The demo content as written, without markdown marks and in single spaces: what people wrote. */
    private static String written;

    @BeforeAll
    static void start() throws IOException {
        app = TestApp.startWithDemo(dir);
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/demo"))) {
            written = normalise(files.filter(Files::isRegularFile).map(LanguagePagesTest::read).collect(Collectors.joining(" ")));
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void englishPagesWriteNoDutchDatesAndNoPageWritesAPluralWithBracketsOrASlash() {
        List<Pattern> routes = app.server().unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint).filter(endpoint -> endpoint.method == HandlerType.GET)
                .map(endpoint -> Pattern.compile(endpoint.path.replaceAll("\\{[^}]+}|<[^>]+>", "[^/]+")))
                .toList();
        List<String> problems = new ArrayList<>();
        Set<String> routesRead = new TreeSet<>();
        int pages = 0;
        for (String person : PEOPLE) {
            TestApp.Client dutch = client(person, "nl");
            TestApp.Client english = client(person, "en");
            Map<String, Integer> perRoute = new HashMap<>();
            Set<String> seen = new HashSet<>();
            Deque<String> queue = new ArrayDeque<>(SEEDS);
            int read = 0;
            while (!queue.isEmpty() && read < PER_PERSON) {
                String url = queue.poll();
                String route = route(url, routes);
                if (!seen.add(url) || route == null || perRoute.merge(route, 1, Integer::sum) > PER_ROUTE) {
                    continue;
                }
                routesRead.add(route);
                read++;
                String who = (person.isEmpty() ? "visitor" : person) + " " + url;
                Response inDutch = dutch.get(url);
                Response inEnglish = english.get(url);
                pages += 2;
                if (inDutch.status() != 200) {
                    continue;
                }
                check(who + " (nl)", inDutch, false, problems);
                check(who + " (en)", inEnglish, true, problems);
                if (String.valueOf(inDutch.header("Content-Type")).startsWith("text/html")) {
                    Matcher link = LINK.matcher(inDutch.body());
                    while (link.find()) {
                        String next = link.group(1).replace("&amp;", "&");
                        if (!next.startsWith("/static/") && !next.startsWith("/taal/") && !next.startsWith("/api/")) {
                            queue.add(next);
                        }
                    }
                }
            }
        }
        assertThat(pages).as("pages read").isGreaterThan(100);
        assertThat(routesRead).as("routes read").hasSizeGreaterThan(25);
        assertThat(problems).as("read " + pages + " pages of " + routesRead.size() + " routes").isEmpty();
    }

    /** The reading above passes only if it would notice: what it must find on a page, it finds. */
    @Test
    void theReadingNoticesDutchDatesAmericanDatesAndPluralHacksButNotWhatPeopleWrote() {
        Response page = new Response(200, Map.of("Content-Type", List.of("text/html;charset=utf-8")), """
                <p>Bijgewerkt op <time datetime="2027-03-01">1 maart 2027</time>, <b>2 mrt</b></p>
                <p>Updated April 1, 2026 · 3 revisie(s) · 1 open voorstel(len) · 2 afspraak/afspraken</p>
                <a href="/afspraken/1?van=1%20maart">1 April 2026</a> <p>Sinds maart 2026</p>""");
        List<String> problems = new ArrayList<>();
        check("sample", page, true, problems);
        assertThat(problems).hasSize(6).anySatisfy(problem -> assertThat(problem).contains("\"1 maart 2027\""))
                .anySatisfy(problem -> assertThat(problem).contains("\"mrt\""))
                .anySatisfy(problem -> assertThat(problem).contains("\"April 1, 2026\""))
                .anySatisfy(problem -> assertThat(problem).contains("\"e(s)\""))
                .anySatisfy(problem -> assertThat(problem).contains("\"l(len)\""))
                .anySatisfy(problem -> assertThat(problem).contains("\"afspraak/afspraken\""));
    }

    private static void check(String where, Response response, boolean english, List<String> problems) {
        String type = String.valueOf(response.header("Content-Type"));
        boolean html = type.startsWith("text/html");
        if (!html && !type.startsWith("text/")) {
            return;
        }
        String text = html ? visibleText(response.body()) : response.body();
        List<Pattern> patterns = new ArrayList<>(List.of(PLURAL_IN_BRACKETS, PLURAL_WITH_SLASH));
        // the meeting record file is Dutch by design, whoever downloads it
        if (english && !type.startsWith("text/markdown")) {
            patterns.addAll(List.of(DUTCH_MONTH, AMERICAN_DATE));
        }
        for (Pattern pattern : patterns) {
            Matcher match = pattern.matcher(text);
            while (match.find()) {
                if (pattern == PLURAL_WITH_SLASH && !sameStem(match.group(1), match.group(2))) {
                    continue;
                }
                String context = context(text, match.start(), match.end());
                if (!written.contains(normalise(context))) {
                    problems.add(where + ": \"" + match.group() + "\" in \"" + context + "\"");
                }
            }
        }
    }

    /** "afspraak/afspraken", "agreement/agreements": two forms of one word, not "en/of" or a path. */
    private static boolean sameStem(String one, String other) {
        int common = 0;
        while (common < Math.min(one.length(), other.length())
                && Character.toLowerCase(one.charAt(common)) == Character.toLowerCase(other.charAt(common))) {
            common++;
        }
        return common >= 4;
    }

    /**
     * The match with a word either side, as it would stand in what people wrote, within one element's
     * text: the end of an element (a summary, a word marked as changed) ends the context.
     */
    private static String context(String text, int start, int end) {
        int from = text.lastIndexOf(BOUNDARY, start) + 1;
        int to = text.indexOf(BOUNDARY, end);
        String before = text.substring(from, start);
        String after = text.substring(end, to < 0 ? text.length() : to);
        Matcher wordBefore = Pattern.compile("(\\S+\\s+)?\\S*$").matcher(before);
        Matcher wordAfter = Pattern.compile("^\\S*(\\s+\\S+)?").matcher(after);
        wordBefore.find();
        wordAfter.find();
        return (before.substring(wordBefore.start()) + text.substring(start, end) + after.substring(0, wordAfter.end())).strip();
    }

    private static String visibleText(String html) {
        String text = html.replaceAll("(?is)<(script|style|template)\\b.*?</\\1>", " ")
                .replaceAll("(?s)<!--.*?-->", " ")
                .replaceAll("(?s)<[^>]*>", " " + BOUNDARY + " ");
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ");
    }

    private static String normalise(String text) {
        return text.replaceAll("[*_`#>\\[\\]…\"“”]", " ").replaceAll("\\(https?://[^)]*\\)", " ").replaceAll("\\s+", " ");
    }

    private static String route(String url, List<Pattern> routes) {
        String path = url.replaceAll("\\?.*", "");
        return routes.stream().filter(route -> route.matcher(path).matches()).findFirst()
                .map(route -> route.pattern() + (url.contains("?") ? "?" : "")).orElse(null);
    }

    private static TestApp.Client client(String username, String language) {
        TestApp.Client client = app.newBrowser();
        if (!username.isEmpty()) {
            assertThat(client.signIn(username, DemoContent.DEMO_PASSWORD).status()).as("sign-in of " + username).isIn(302, 303);
        }
        client.get("/taal/" + language + "?terug=/");
        return client;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
