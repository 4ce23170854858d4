package nl.afsprakenwiki.bench;

import nl.afsprakenwiki.search.SearchRequest;
import nl.afsprakenwiki.search.SearchRequest.Order;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A mixed set of queries as people in the field type them: single words, pairs, phrases,
 * abbreviations, compounds, typos, OR, exclusions, prefixes; a fifth with a facet filter and a
 * tenth sorted by last change. Encoded as "text|party=kind|recent".
 */
public final class Queries {

    private static final String[] WORDS = {"jeugdhulp", "wijkteam", "huisarts", "verwijzing", "afschaling",
            "wachtlijst", "overdracht", "crisis", "jeugdbescherming", "veiligheid", "onderwijs", "thuiszitters",
            "pleegzorg", "gezinshuis", "verblijf", "nazorg", "uitstroom", "consultatie", "triage", "privacy",
            "toestemming", "facturatie", "beschikking", "indicatie", "jongvolwassenen", "18+", "zorgbemiddeling",
            "samenwerkingsafspraken", "aanbieder", "ggz", "dyslexie", "escalatie", "gezinsplan", "regiebehandelaar",
            "casusoverleg", "ouders", "school", "leerplicht", "budgetplafond", "tarief", "evaluatie", "termijn"};
    private static final String[] ABBREVIATIONS = {"GI", "JGGZ", "POH-jeugd", "VT", "EED", "LVB", "CJG", "PGB",
            "JeugdzorgPlus", "Wmo", "OBC", "JGT", "GGD", "jeugd-ggz", "GI's", "regio's"};
    private static final String[] PHRASES = {"\"warme overdracht\"", "\"veilig thuis\"", "\"lokaal team\"",
            "\"specialistische jeugdhulp\"", "\"passend onderwijs\"", "\"gecertificeerde instelling\"",
            "\"jeugd- en opvoedhulp\"", "\"op- en afschalen\"", "\"sociale basis\""};
    private static final String[] TYPOS = {"wijkteem", "huisartsenpraktjik", "verwijzign", "jeugdbeshcerming",
            "wachtlijts", "afschallen", "pleegzrog", "coordinatie", "clienten", "jeugdhulpaanbeider"};
    private static final String[] KINDS = {"huisarts", "aanbieder", "lokaal_team", "onderwijs",
            "gecertificeerde_instelling", "veilig_thuis"};

    private Queries() {
    }

    public static List<String> mixed(Random random, int count) {
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = switch (i % 8) {
                case 0, 1 -> pick(random, WORDS);
                case 2 -> pick(random, WORDS) + " " + pick(random, WORDS);
                case 3 -> pick(random, ABBREVIATIONS) + (random.nextBoolean() ? " " + pick(random, WORDS) : "");
                case 4 -> pick(random, PHRASES);
                case 5 -> pick(random, TYPOS);
                case 6 -> pick(random, WORDS) + " OR " + pick(random, WORDS);
                default -> random.nextBoolean() ? pick(random, WORDS) + " -" + pick(random, WORDS)
                        : prefix(pick(random, WORDS)) + "*";
            };
            if (i % 5 == 0) {
                text += "|party=" + pick(random, KINDS);
            }
            if (i % 10 == 3) {
                text += "|recent";
            }
            queries.add(text);
        }
        return queries;
    }

    public static SearchRequest request(String encoded) {
        String[] parts = encoded.split("\\|");
        Map<String, List<String>> filters = Map.of();
        Order order = Order.RELEVANCE;
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].startsWith("party=")) {
                filters = Map.of("party", List.of(parts[i].substring(6)));
            } else if (parts[i].equals("recent")) {
                order = Order.RECENT;
            }
        }
        return new SearchRequest(parts[0], filters, order, 0, 10);
    }

    /** The first five letters of a word (all of a shorter one), for a prefix query. */
    private static String prefix(String word) {
        return word.substring(0, Math.min(5, word.length()));
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
