package nl.afsprakenwiki.site;

import nl.afsprakenwiki.agreements.AgreementListItem;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.koppelzones.OrganisationContacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** View models of the provider view (one organisation's agreements across municipalities). */
public final class OrganisationViews {

    private static final Comparator<AgreementListItem> BY_PLACE_AND_TITLE = Comparator
            .comparing(AgreementListItem::municipalityName).thenComparing(AgreementListItem::koppelzoneName)
            .thenComparing(AgreementListItem::title, String.CASE_INSENSITIVE_ORDER);

    private OrganisationViews() {
    }

    /**
     * Everything the organisation is party to that the viewer may see, grouped by theme.
     *
     * @param koppelzones where the organisation is a party, also those without agreements visible to the viewer
     */
    public record Overview(Organisation organisation, List<Koppelzone> koppelzones, List<ThemeGroup> themes,
                           int total, int municipalities, OrganisationContacts contacts) {

        /** Groups {@code visible} by the themes in {@code themesById}; an agreement with several themes is in each. */
        static Overview of(Organisation organisation, List<Koppelzone> koppelzones, List<AgreementListItem> visible,
                           Map<Long, List<String>> themesById, OrganisationContacts contacts) {
            Map<String, List<AgreementListItem>> byTheme = new TreeMap<>();
            List<AgreementListItem> withoutTheme = new ArrayList<>();
            for (AgreementListItem item : visible) {
                List<String> themes = themesById.getOrDefault(item.id(), List.of());
                if (themes.isEmpty()) {
                    withoutTheme.add(item);
                }
                themes.forEach(theme -> byTheme.computeIfAbsent(theme, key -> new ArrayList<>()).add(item));
            }
            List<ThemeGroup> groups = new ArrayList<>();
            byTheme.forEach((theme, items) -> groups.add(ThemeGroup.of(theme, items)));
            if (!withoutTheme.isEmpty()) {
                groups.add(ThemeGroup.of(null, withoutTheme));
            }
            int municipalities = (int) visible.stream().map(AgreementListItem::municipalitySlug).distinct().count();
            return new Overview(organisation, koppelzones, List.copyOf(groups), visible.size(), municipalities, contacts);
        }

        /** The text of the summary line: none, or the counts ("1 afspraak", "in 1 gemeente") by a choice format. */
        public String summaryKey() {
            return total == 0 ? "organisation.summary.none" : "organisation.summary";
        }
    }

    /** One theme's agreements, ordered by municipality; {@code theme} is null for agreements without a theme. */
    public record ThemeGroup(String theme, List<AgreementListItem> agreements) {

        static ThemeGroup of(String theme, List<AgreementListItem> items) {
            return new ThemeGroup(theme, items.stream().sorted(BY_PLACE_AND_TITLE).toList());
        }

        public long municipalities() {
            return agreements.stream().map(AgreementListItem::municipalitySlug).distinct().count();
        }

        /**
         * Two agreements of different municipalities to put side by side (the first, and the first
         * of another municipality), or null when all are of one municipality: that is where a
         * provider working in several municipalities sees how its obligations differ.
         */
        public ComparePair comparePair() {
            AgreementListItem first = agreements.get(0);
            return agreements.stream().filter(item -> !item.municipalitySlug().equals(first.municipalitySlug()))
                    .findFirst().map(other -> new ComparePair(first, other)).orElse(null);
        }
    }

    public record ComparePair(AgreementListItem a, AgreementListItem b) {
        public String url() {
            return "/vergelijken?a=" + a.id() + "&b=" + b.id();
        }
    }
}
