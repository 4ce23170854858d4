package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.web.PageContext;
import nl.afsprakenwiki.web.Views;

import java.util.List;
import java.util.Map;

/** "Contactpersoon" at the end of the agreement's article: who to ask about it, and a link to change it. */
public final class ContactPanel implements AgreementPanel {

    private final AgreementContacts contacts;
    private final Views views;

    public ContactPanel(AgreementContacts contacts, Views views) {
        this.contacts = contacts;
        this.views = views;
    }

    @Override
    public List<Part> parts(Agreement agreement, PageContext page) {
        boolean mayChange = page.viewer().can(Permission.EDIT, agreement.koppelzone().id());
        return List.of(new Part(Slot.ARTICLE_END, views.content("agreements/contact-panel.jte", Map.of("page", page,
                "agreement", agreement, "contact", contacts.of(agreement.id()), "mayChange", mayChange))));
    }

    @Override
    public Map<String, String> notices() {
        return Map.of("contactpersoon", "contact.notice.changed");
    }
}
