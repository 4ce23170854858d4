package nl.afsprakenwiki.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The labelled corpus (src/test/resources/privacy/corpus.tsv) and the detector's precision and recall
 * on it, counted per sentence and kind: a kind the detector reports in a sentence labelled with it is a
 * true positive, one not labelled a false positive, a label it misses a false negative.
 */
final class CorpusFigures {

    /** One labelled sentence. */
    record Sentence(Set<Kind> labels, String text) {
    }

    /** Counts for one group of kinds. */
    static final class Counts {
        int truePositives;
        int falsePositives;
        int falseNegatives;
        final List<String> mistakes = new ArrayList<>();

        double precision() {
            int reported = truePositives + falsePositives;
            return reported == 0 ? 1 : (double) truePositives / reported;
        }

        double recall() {
            int labelled = truePositives + falseNegatives;
            return labelled == 0 ? 1 : (double) truePositives / labelled;
        }
    }

    final List<Sentence> sentences = new ArrayList<>();
    final Parties parties;

    CorpusFigures(String resource) {
        String text;
        try (InputStream in = CorpusFigures.class.getResourceAsStream(resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> phones = Set.of();
        Set<String> domains = Set.of();
        for (String line : text.split("\n")) {
            if (line.startsWith("# parties-phones:")) {
                phones = list(line);
            } else if (line.startsWith("# parties-domains:")) {
                domains = list(line);
            } else if (!line.startsWith("#") && !line.isBlank()) {
                String[] parts = line.split("\t", 2);
                Set<Kind> labels = parts[0].equals("-") ? EnumSet.noneOf(Kind.class)
                        : Arrays.stream(parts[0].split(",")).map(Kind::ofCode)
                                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Kind.class)));
                sentences.add(new Sentence(labels, parts[1]));
            }
        }
        parties = new Parties(phones, domains);
    }

    private static Set<String> list(String line) {
        return Arrays.stream(line.substring(line.indexOf(':') + 1).split(",")).map(String::strip).collect(Collectors.toSet());
    }

    /** The counts for the kinds of {@code confidence}, over the whole corpus. */
    Counts measure(PrivacyDetector detector, Confidence confidence) {
        Counts counts = new Counts();
        for (Sentence sentence : sentences) {
            Set<Kind> found = detector.scan(sentence.text(), parties).stream().map(Finding::kind)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Kind.class)));
            for (Kind kind : Kind.values()) {
                if (kind.confidence() != confidence) {
                    continue;
                }
                boolean labelled = sentence.labels().contains(kind);
                boolean reported = found.contains(kind);
                if (labelled && reported) {
                    counts.truePositives++;
                } else if (reported) {
                    counts.falsePositives++;
                    counts.mistakes.add("false " + kind.code() + ": " + sentence.text());
                } else if (labelled) {
                    counts.falseNegatives++;
                    counts.mistakes.add("missed " + kind.code() + ": " + sentence.text());
                }
            }
        }
        return counts;
    }
}
