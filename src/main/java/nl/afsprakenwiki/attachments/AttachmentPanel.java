package nl.afsprakenwiki.attachments;

import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementPanel;
import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.agreements.Attachment;
import nl.afsprakenwiki.agreements.Revision;
import nl.afsprakenwiki.web.PageContext;
import nl.afsprakenwiki.web.Views;

import java.util.List;
import java.util.Map;

/**
 * The "Bijlagen" section at the end of the agreement's article (its files are part of what is
 * endorsed): the files of the revision the viewer reads (the endorsed one for visitors), and for
 * those who may edit, the way to add or remove them.
 */
public final class AttachmentPanel implements AgreementPanel {

    private final Attachments attachments;
    private final Views views;

    public AttachmentPanel(Attachments attachments, Views views) {
        this.attachments = attachments;
        this.views = views;
    }

    @Override
    public List<Part> parts(Agreement agreement, PageContext page) {
        boolean manage = agreement.status() != AgreementStatus.VERVALLEN
                && page.viewer().can(Permission.EDIT, agreement.koppelzone().id());
        return attachments.list(agreement.id(), agreement.currentRevision(), page.viewer())
                .filter(listing -> manage || !listing.files().isEmpty())
                .map(listing -> List.of(new Part(Slot.ARTICLE_END, views.content("attachments/section.jte", Map.of("page", page,
                        "view", new AttachmentViews.Section(agreement.id(), listing.revision().number(),
                                AttachmentViews.rows(listing.revision(), listing.files()), manage))))))
                .orElse(List.of());
    }

    /** An earlier revision's page lists the files that revision includes (the revision was checked readable). */
    @Override
    public List<Part> revisionParts(Agreement agreement, Revision revision, PageContext page) {
        List<Attachment> files = attachments.filesOf(revision);
        if (files.isEmpty()) {
            return List.of();
        }
        return List.of(new Part(Slot.ARTICLE_END, views.content("attachments/section.jte", Map.of("page", page,
                "view", new AttachmentViews.Section(agreement.id(), revision.number(), AttachmentViews.rows(revision, files), false)))));
    }
}
