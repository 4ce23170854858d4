package nl.afsprakenwiki.search;

import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.koppelzones.OrganisationKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The facet filters of a search as asked for (page or API), checked: a status or party kind must be
 * one that exists, a municipality, region or theme a reasonable name. What is wrong is reported in
 * Dutch (the page leaves it out and says so, the API answers 400), never passed on to the index.
 */
public final class SearchFilters {

    /** Values per facet: more are refused (nobody chooses 21 municipalities by hand). */
    public static final int MAX_VALUES = 20;
    /** Longest facet value: names of municipalities, regions and themes are far shorter. */
    public static final int MAX_LENGTH = 200;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

    /** The accepted filters (facet dimension → values) and what was refused. */
    public record Checked(Map<String, List<String>> filters, List<Problem> problems) {
    }

    /** A refused filter: a message key and its arguments (the parameter, the value, the choices). */
    public record Problem(String key, List<String> arguments) {
    }

    private SearchFilters() {
    }

    /**
     * Checks the values given for each facet; {@code names} maps each facet dimension to the name the
     * caller used for it (the page's Dutch parameter names, the API's dimension names), for messages.
     */
    public static Checked check(Map<String, String> names, Function<String, List<String>> values) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        names.forEach((dimension, name) -> {
            List<String> given = values.apply(name).stream().map(String::strip).filter(v -> !v.isEmpty())
                    .distinct().toList();
            if (given.size() > MAX_VALUES) {
                problems.add(new Problem("search.filter.tooMany", List.of(name, Integer.toString(MAX_VALUES))));
                return;
            }
            List<String> accepted = new ArrayList<>();
            for (String value : given) {
                Problem problem = problem(dimension, name, value);
                if (problem == null) {
                    accepted.add(value);
                } else {
                    problems.add(problem);
                }
            }
            if (!accepted.isEmpty()) {
                filters.put(dimension, List.copyOf(accepted));
            }
        });
        return new Checked(filters, List.copyOf(problems));
    }

    private static Problem problem(String dimension, String name, String value) {
        if (value.length() > MAX_LENGTH || CONTROL.matcher(value).find()) {
            return new Problem("search.filter.badName", List.of(name, Integer.toString(MAX_LENGTH)));
        }
        return switch (dimension) {
            case Fields.FACET_STATUS -> AgreementStatus.fromCode(value).isPresent() ? null
                    : new Problem("search.filter.unknown", List.of(name, value, codes(AgreementStatus.values())));
            case Fields.FACET_PARTY_KIND -> OrganisationKind.fromCode(value).isPresent() ? null
                    : new Problem("search.filter.unknown", List.of(name, value, codes(OrganisationKind.values())));
            case Fields.FACET_EXPERIENCES -> Fields.WITH_EXPERIENCES.equals(value) ? null
                    : new Problem("search.filter.unknown", List.of(name, value, Fields.WITH_EXPERIENCES));
            case Fields.FACET_LEAKS -> Fields.SOLVES_LEAK.equals(value) ? null
                    : new Problem("search.filter.unknown", List.of(name, value, Fields.SOLVES_LEAK));
            default -> null;
        };
    }

    private static String codes(Enum<?>[] values) {
        List<String> codes = new ArrayList<>();
        for (Enum<?> value : values) {
            codes.add(value instanceof AgreementStatus status ? status.code() : ((OrganisationKind) value).code());
        }
        return String.join(", ", codes);
    }
}
