package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.agreements.AgreementViews.Notice;
import nl.afsprakenwiki.privacy.Kind;
import nl.afsprakenwiki.web.Texts;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The notice the agreement page shows after a move ({@code ?melding=}): this package's own, then the panels'. */
final class AgreementNotices {

    private final List<AgreementPanel> panels;

    AgreementNotices(List<AgreementPanel> panels) {
        this.panels = List.copyOf(panels);
    }

    /**
     * The notice named {@code kind}, or null for none or an unknown one.
     *
     * @param query the page's query parameters by name, for what a notice mentions (a revision, kinds of data)
     */
    Notice of(String kind, Function<String, String> query, Texts texts) {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case "aangemaakt" -> new Notice("notice.created", List.of(), false);
            case "opgeslagen" -> new Notice("notice.saved", List.of(), false);
            case "persoonsgegevens" -> new Notice("privacy.saved.warnings", List.of(), true);
            // issue 17: a comment or an experience saved with possible personal data (medium findings)
            case "persoonsgegevens-tekst" -> new Notice("privacy.text.saved.warnings",
                    List.of(kinds(query.apply("soorten"), texts)), true);
            case "gegevens" -> new Notice("notice.detailsSaved", List.of(), false);
            case "ongewijzigd" -> new Notice("notice.unchanged", List.of(), false);
            case "samengevoegd" -> new Notice("notice.merged",
                    List.of(AgreementPages.optionalNumber(query.apply("met")).orElse(0)), false);
            case "hersteld" -> new Notice("notice.restored",
                    List.of(AgreementPages.optionalNumber(query.apply("van")).orElse(0)), false);
            default -> panels.stream().map(panel -> panel.notices().get(kind)).filter(Objects::nonNull).findFirst()
                    .map(key -> new Notice(key, List.of(), false)).orElse(null);
        };
    }

    /** The kinds named in {@code soorten} ({@code naam,email}), in the visitor's language. */
    private static String kinds(String listed, Texts texts) {
        return Kind.listed(listed).stream().map(kind -> texts.get("privacy.kind." + kind.code()))
                .collect(Collectors.joining(", "));
    }
}
