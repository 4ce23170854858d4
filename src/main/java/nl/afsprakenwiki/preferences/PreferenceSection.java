package nl.afsprakenwiki.preferences;

import gg.jte.Content;
import nl.afsprakenwiki.accounts.ProfileSection;
import nl.afsprakenwiki.notifications.Preferences;
import nl.afsprakenwiki.web.PageContext;
import nl.afsprakenwiki.web.Views;

import java.util.List;
import java.util.Map;

/** "E-mailmeldingen" on the profile: per kind of mail at once, in the daily digest or not, and all off. */
public final class PreferenceSection implements ProfileSection {

    private final Preferences preferences;
    private final Views views;

    public PreferenceSection(Preferences preferences, Views views) {
        this.preferences = preferences;
        this.views = views;
    }

    /** One kind's row of the form: its code and the code of its delivery now. */
    public record Row(String kind, String delivery) {
        /** The kind as an id in the page (no dots). */
        public String id() {
            return kind.replace('.', '-');
        }
    }

    @Override
    public Content section(PageContext page) {
        Preferences.Choices choices = preferences.of(page.viewer().accountId());
        List<Row> rows = Preferences.choosable().stream()
                .map(kind -> new Row(kind.code(), Preferences.code(choices.kinds().get(kind)))).toList();
        return views.content("preferences/section.jte", Map.of("page", page, "off", choices.off(), "rows", rows,
                "deliveries", List.of("immediately", "digest", "off")));
    }

    @Override
    public Map<String, String> notices() {
        return Map.of("meldingen", "prefs.notice.saved");
    }
}
