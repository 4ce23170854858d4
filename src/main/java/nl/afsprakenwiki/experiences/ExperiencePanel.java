package nl.afsprakenwiki.experiences;

import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementPanel;
import nl.afsprakenwiki.web.PageContext;
import nl.afsprakenwiki.web.Views;

import java.util.List;
import java.util.Set;
import nl.afsprakenwiki.privacy.TextPanel;
import java.util.Map;

/** "Ervaringen van elders" below the agreement: the notes, and the form to add one. */
public final class ExperiencePanel implements AgreementPanel {

    private final Experiences experiences;
    private final Views views;

    public ExperiencePanel(Experiences experiences, Views views) {
        this.experiences = experiences;
        this.views = views;
    }

    @Override
    public List<Part> parts(Agreement agreement, PageContext page) {
        ExperienceViews.Section section = section(experiences, agreement, page, ExperienceViews.Typed.NOTHING);
        if (section.empty()) {
            return List.of();
        }
        return List.of(new Part(Slot.SECTIONS, views.content("experiences/section.jte",
                Map.of("page", page, "view", section))));
    }

    @Override
    public Map<String, String> notices() {
        return Map.of("ervaring-gedeeld", "experience.notice.added", "ervaring-verborgen", "experience.notice.hidden",
                "ervaring-getoond", "experience.notice.shown",
                "ervaring-bevestigd", "experience.notice.confirmed");
    }

    /** The section as {@code page.viewer()} sees it, with what they typed. */
    static ExperienceViews.Section section(Experiences experiences, Agreement agreement, PageContext page,
                                           ExperienceViews.Typed typed) {
        List<ExperienceViews.Item> items = experiences.of(agreement, page.viewer()).stream()
                .map(experience -> new ExperienceViews.Item(experience, experiences.html(experience),
                        experience.pending() && experiences.mayConfirm(agreement, experience, page.viewer())
                                ? new TextPanel(experiences.unconfirmed(experience), false, Set.of(), "") : TextPanel.NONE))
                .toList();
        long visible = items.stream().filter(item -> item.experience().visible()).count();
        boolean open = agreement.published();
        boolean signedIn = page.viewer().authenticated();
        return new ExperienceViews.Section(agreement, items, visible, open && signedIn, open && !signedIn,
                experiences.mayModerate(agreement, page.viewer()), typed);
    }
}
