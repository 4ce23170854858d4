package nl.afsprakenwiki.site;

import io.javalin.http.Context;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.web.Views;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The statements a Dutch public site publishes: the toegankelijkheidsverklaring (accessibility) and the
 * privacyverklaring. The wiki ships a text in each language; the instance's operator replaces it by
 * placing {@code pages/<name>.<language>.md} in the data directory (read on every request, so a new
 * text shows without a restart). The markdown goes through the same sanitising renderer as agreements.
 */
public final class StatementPages {

    /** A statement, by its file name and the message key of its title. */
    public enum Statement {
        ACCESSIBILITY("toegankelijkheid", "statement.accessibility.title"),
        PRIVACY("privacy", "statement.privacy.title");

        private final String file;
        private final String titleKey;

        Statement(String file, String titleKey) {
            this.file = file;
            this.titleKey = titleKey;
        }

        public String file() {
            return file;
        }

        public String titleKey() {
            return titleKey;
        }
    }

    /** What the page shows: the title's key, the rendered text and whether the operator wrote it. */
    public record Page(String titleKey, String html, boolean fromOperator) {
    }

    private final Path pages;
    private final MarkdownRenderer markdown;
    private final Views views;

    public StatementPages(Path dataDir, MarkdownRenderer markdown, Views views) {
        this.pages = dataDir.resolve("pages");
        this.markdown = markdown;
        this.views = views;
    }

    public void accessibility(Context ctx) {
        show(ctx, Statement.ACCESSIBILITY);
    }

    public void privacy(Context ctx) {
        show(ctx, Statement.PRIVACY);
    }

    private void show(Context ctx, Statement statement) {
        String language = views.texts(ctx).language();
        // the operator's own text in this language, else their Dutch text (it names their organisation and
        // contacts, which the shipped English text cannot), else the text the wiki ships
        Optional<String> operator = operatorText(statement, language).or(() -> operatorText(statement, "nl"));
        String text = operator.orElseGet(() -> shippedText(statement, language));
        views.render(ctx, "site/statement.jte", new Page(statement.titleKey(), markdown.render(text), operator.isPresent()));
    }

    private Optional<String> operatorText(Statement statement, String language) {
        Path file = pages.resolve(statement.file() + "." + language + ".md");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String shippedText(Statement statement, String language) {
        String name = "/statements/" + statement.file() + "." + language + ".md";
        try (InputStream in = StatementPages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
