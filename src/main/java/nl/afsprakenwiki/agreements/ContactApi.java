package nl.afsprakenwiki.agreements;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.ProblemException;
import nl.afsprakenwiki.web.Texts;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code PUT /api/v1/agreements/{id}/contact}: name the agreement's contact (docs/API.md). */
public final class ContactApi {

    private final AgreementContacts contacts;
    private final Json json;
    /** The API speaks Dutch. */
    private final Texts dutch;

    public ContactApi(AgreementContacts contacts, Json json, Texts dutch) {
        this.contacts = contacts;
        this.json = json;
        this.dutch = dutch;
    }

    record ContactRequest(String username) {
    }

    public void change(Context ctx) {
        ContactRequest request = json.read(ctx, ContactRequest.class);
        try {
            var contact = contacts.set(Current.agreement(ctx), request.username(), Current.viewer(ctx));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("contact", AgreementContacts.json(contact, Current.viewer(ctx)));
            ctx.json(body);
        } catch (InvalidInput e) {
            String detail = dutch.message(e.errors().get(0));
            throw new ProblemException(422, "/problemen/ongeldige-contactpersoon", "Ongeldige contactpersoon", detail,
                    Json.object("errors", Map.of("username", detail)));
        }
    }
}
