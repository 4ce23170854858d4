package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.agreements.AgreementInput;
import nl.afsprakenwiki.transfer.FrontMatter.Invalid;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads import files: strict UTF-8, normalised line endings, front matter split from the body. */
final class SourceFiles {

    private static final long MAX_FILE_BYTES = 2L * AgreementInput.MAX_BODY;

    private final ImportProblems problems;

    SourceFiles(ImportProblems problems) {
        this.problems = problems;
    }

    record Document(FrontMatter frontMatter, String body, int bodyLine) {
    }

    /** Splits "---\n yaml \n---\n body" and parses the YAML; reports and returns null when impossible. */
    Document document(Path file) {
        String text = readText(file);
        if (text == null) {
            return null;
        }
        if (!text.startsWith("---\n")) {
            problems.add(file, 1, "het bestand begint niet met front matter (een regel '---')");
            return null;
        }
        int end = text.indexOf("\n---\n", 3);
        boolean emptyBody = false;
        if (end < 0 && text.endsWith("\n---")) {
            end = text.length() - 4;
            emptyBody = true;
        }
        if (end < 0) {
            problems.add(file, 1, "de front matter wordt niet afgesloten met een regel '---'");
            return null;
        }
        String yaml = text.substring(4, end + 1);
        int bodyLine = (int) yaml.chars().filter(c -> c == '\n').count() + 3;
        String body = emptyBody ? "" : text.substring(end + 5);
        try {
            return new Document(FrontMatter.parse(yaml, 2), body, bodyLine);
        } catch (Invalid e) {
            problems.add(file, e.line, e.getMessage());
            return null;
        }
    }

    String readText(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                problems.add(file, 0, "het bestand is groter dan " + (MAX_FILE_BYTES / 1000) + " KB");
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return text.replace("\r\n", "\n").replace('\r', '\n');
        } catch (CharacterCodingException e) {
            problems.add(file, 0, "het bestand is geen geldige UTF-8-tekst");
            return null;
        } catch (IOException e) {
            problems.add(file, 0, "kan het bestand niet lezen: " + e.getMessage());
            return null;
        }
    }
}
