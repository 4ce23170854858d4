package nl.afsprakenwiki.agreements;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.RequestParts;
import nl.afsprakenwiki.web.Views;

import java.util.List;
import java.util.Map;

/** The form that names an agreement's contact ("/afspraken/{id}/contactpersoon"), for those who may edit it. */
public final class ContactPages {

    private final AgreementContacts contacts;
    private final AgreementService agreements;
    private final Views views;

    public ContactPages(AgreementContacts contacts, AgreementService agreements, Views views) {
        this.contacts = contacts;
        this.agreements = agreements;
        this.views = views;
    }

    /** The form: the eligible accounts, the current contact chosen. */
    public record ContactForm(Agreement agreement, String title, List<Contact> eligible, String chosen,
                              Map<String, String> errors) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    public void form(Context ctx) {
        var current = contacts.of(Current.agreement(ctx).id());
        render(ctx, current.map(Contact::username).orElse(""), Map.of());
    }

    public void change(Context ctx) {
        String chosen = RequestParts.field(ctx, "contact");
        try {
            contacts.set(Current.agreement(ctx), chosen, Current.viewer(ctx));
            ctx.redirect(Paths.agreement(Current.agreement(ctx).id()) + "?melding=contactpersoon");
        } catch (InvalidInput e) {
            ctx.status(422);
            render(ctx, chosen, views.texts(ctx).messages(e));
        }
    }

    private void render(Context ctx, String chosen, Map<String, String> errors) {
        Agreement agreement = Current.agreement(ctx);
        var version = agreements.version(agreement.id(), null, Current.viewer(ctx))
                .orElseThrow(() -> new NotFound("agreement"));
        views.render(ctx, "agreements/contact.jte", new ContactForm(agreement, version.revision().title(),
                contacts.eligible(agreement.id()), chosen, errors));
    }
}
