package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.ReadCache;
import nl.afsprakenwiki.text.CleanText;
import nl.afsprakenwiki.web.Json;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contact of each agreement (contactpersoon): chosen by those who may edit it among the enabled
 * accounts of its party organisations; without a choice, the creator when eligible. It lives on the
 * agreement, not in a revision: it is not endorsed content. Who the contact is (name, e-mail) is for
 * signed-in readers; the public learns the organisation and the role only.
 */
public final class AgreementContacts {

    private final Database db;
    private final ContactStore store = new ContactStore();
    private final AuditLog audit;
    private final Clock clock;

    /** Every view of an agreement shows its contact: kept until a commit changes what it was read from (see {@link ReadCache}). */
    private final ReadCache<Long, Optional<Contact>> contacts;

    public AgreementContacts(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.contacts = ReadCache.perAgreement(db, 10_000, agreementId -> agreementId);
        this.audit = audit;
        this.clock = clock;
    }

    /** The contact as it qualifies now; empty when none is set and the creator does not qualify, or it no longer does. */
    public Optional<Contact> of(long agreementId) {
        return contacts.get(agreementId, () -> db.read(handle -> store.contact(handle, agreementId)));
    }

    /** The accounts that may be chosen, by organisation and name. */
    public List<Contact> eligible(long agreementId) {
        return db.read(handle -> store.eligible(handle, agreementId));
    }

    /**
     * Makes {@code username} the contact of {@code agreement}; blank goes back to the default (the creator).
     * An account that is not an enabled account of a party organisation is refused. Audited.
     */
    public Optional<Contact> set(Agreement agreement, String username, Viewer viewer) {
        String chosen = CleanText.line(username);
        return db.write(handle -> {
            if (chosen.isEmpty()) {
                if (store.clear(handle, agreement.id())) {
                    audit.record(handle, viewer.author(), "agreement.contact", "agreement:" + agreement.id(),
                            agreement.koppelzone().id(), Map.of("contact", ""));
                }
                return store.contact(handle, agreement.id());
            }
            Contact contact = store.eligible(handle, agreement.id()).stream()
                    .filter(candidate -> candidate.username().equals(chosen)).findFirst()
                    .orElseThrow(() -> new InvalidInput("contact", "error.contact.notEligible", chosen));
            store.set(handle, agreement.id(), contact.accountId(), viewer.displayName(), clock.instant());
            audit.record(handle, viewer.author(), "agreement.contact", "agreement:" + agreement.id(),
                    agreement.koppelzone().id(), Map.of("contact", contact.username()));
            return Optional.of(contact);
        });
    }

    /** The contact in the API: all of it for signed-in readers, organisation and role for the public; null for none. */
    public static Map<String, Object> json(Optional<Contact> contact, Viewer viewer) {
        if (contact.isEmpty()) {
            return null;
        }
        Contact c = contact.get();
        Map<String, Object> organisation = Json.object("slug", c.organisationSlug(), "name", c.organisationName());
        return viewer.authenticated()
                ? Json.object("username", c.username(), "name", c.name(), "email", c.email(), "organisation", organisation,
                "role", c.role())
                : Json.object("organisation", organisation, "role", c.role());
    }
}
