package nl.afsprakenwiki.koppelzones;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput.FieldError;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.text.CleanText;
import nl.afsprakenwiki.text.Slugs;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changing the structure of the wiki: municipalities, organisations and koppelzones (the beheerder)
 * and the parties of a koppelzone (its voorzitter). Every change is audited.
 */
public final class KoppelzoneAdmin {

    private final Database db;
    private final KoppelzoneStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final PartyJoined partyJoined;
    private final OrganisationContactStore contactStore = new OrganisationContactStore();

    public KoppelzoneAdmin(Database db, KoppelzoneStore store, AuditLog audit, Clock clock, PartyJoined partyJoined) {
        this.partyJoined = partyJoined;
        this.db = db;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewKoppelzone(String slug, String name, String municipality, KoppelzoneLevel level, String description,
                                String chair) {
    }

    public List<Organisation> organisations() {
        return db.read(store::organisations);
    }

    public List<Municipality> municipalities() {
        return db.read(store::municipalities);
    }

    public Municipality createMunicipality(String slug, String name, String jeugdregio, Author actor) {
        return db.write(handle -> {
            List<FieldError> errors = new ArrayList<>();
            String cleanName = name(name, 120, errors);
            String cleanSlug = slug(slug, cleanName, 80, errors);
            if (errors.isEmpty() && store.municipalityBySlug(handle, cleanSlug).isPresent()) {
                errors.add(new FieldError("slug", "error.slug.taken", cleanSlug));
            }
            InvalidInput.throwIfAny(errors);
            String cleanRegio = CleanText.line(jeugdregio);
            String regio = cleanRegio.isEmpty() ? null : cleanRegio;
            long id = store.insertMunicipality(handle, cleanSlug, cleanName, regio);
            audit.record(handle, actor, "municipality.created", "municipality:" + cleanSlug, null, Map.of("name", cleanName));
            return new Municipality(id, cleanSlug, cleanName, regio);
        });
    }

    public Organisation createOrganisation(String slug, String name, OrganisationKind kind, Author actor) {
        return createOrganisation(slug, name, kind, List.of(), List.of(), actor);
    }

    /**
     * Creates an organisation with its listed phone numbers and e-mail domains (issue 17; any notation,
     * blank entries skipped), which the privacy detector passes in the koppelzones it joins.
     */
    public Organisation createOrganisation(String slug, String name, OrganisationKind kind, List<String> phoneNumbers,
                                           List<String> emailDomains, Author actor) {
        return db.write(handle -> {
            List<FieldError> errors = new ArrayList<>();
            String cleanName = name(name, 160, errors);
            String cleanSlug = slug(slug, cleanName, 120, errors);
            if (kind == null) {
                errors.add(new FieldError("kind", "error.organisation.kind"));
            }
            OrganisationContacts contacts = OrganisationContacts.parse(orEmpty(phoneNumbers), orEmpty(emailDomains), errors);
            if (errors.isEmpty() && store.organisationBySlug(handle, cleanSlug).isPresent()) {
                errors.add(new FieldError("slug", "error.slug.taken", cleanSlug));
            }
            InvalidInput.throwIfAny(errors);
            long id = store.insertOrganisation(handle, cleanSlug, cleanName, kind);
            contactStore.replace(handle, id, contacts);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("name", cleanName);
            details.put("kind", kind.code());
            if (!contacts.isEmpty()) {
                details.put("phoneNumbers", contacts.nationalNumbers());
                details.put("emailDomains", contacts.emailDomains());
            }
            audit.record(handle, actor, "organisation.created", "organisation:" + cleanSlug, null, details);
            return new Organisation(id, cleanSlug, cleanName, kind);
        });
    }

    public void updateOrganisation(String slug, String name, OrganisationKind kind, Author actor) {
        updateOrganisation(slug, name, kind, null, null, actor);
    }

    public void updateOrganisation(String slug, String name, OrganisationKind kind, List<String> phoneNumbers,
                                   List<String> emailDomains, Author actor) {
        updateOrganisation(slug, null, name, kind, phoneNumbers, emailDomains, actor);
    }

    /**
     * Changes name and kind, and the listed numbers and domains when given ({@code null} keeps them;
     * an empty list removes them all). {@code baseVersion} is the version the writer saw (null: no
     * check, for the demo content); if someone changed the organisation since, nothing is written
     * ({@link OrganisationVersion.Stale}). A save that changes something counts as the next version.
     */
    public void updateOrganisation(String slug, Integer baseVersion, String name, OrganisationKind kind,
                                   List<String> phoneNumbers, List<String> emailDomains, Author actor) {
        db.write(handle -> {
            Organisation organisation = store.organisationBySlug(handle, slug).orElseThrow(() -> new NotFound("organisation"));
            OrganisationVersion current = OrganisationVersion.of(handle, organisation.id());
            if (baseVersion != null && (baseVersion < 1 || baseVersion > current.version())) {
                throw new InvalidInput("version", "error.organisation.version", current.version());
            } else if (baseVersion != null && baseVersion != current.version()) {
                throw new OrganisationVersion.Stale(slug, baseVersion, current);
            }
            List<FieldError> errors = new ArrayList<>();
            String cleanName = name(name, 160, errors);
            if (kind == null) {
                errors.add(new FieldError("kind", "error.organisation.kind"));
            }
            OrganisationContacts before = contactStore.of(handle, organisation.id());
            OrganisationContacts given = OrganisationContacts.parse(phoneNumbers == null ? List.of() : phoneNumbers,
                    emailDomains == null ? List.of() : emailDomains, errors);
            OrganisationContacts contacts = new OrganisationContacts(
                    phoneNumbers == null ? before.phoneNumbers() : given.phoneNumbers(),
                    emailDomains == null ? before.emailDomains() : given.emailDomains());
            InvalidInput.throwIfAny(errors);
            store.updateOrganisation(handle, organisation.id(), cleanName, kind);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("name", cleanName);
            details.put("kind", kind.code());
            if (!contacts.equals(before)) {
                contactStore.replace(handle, organisation.id(), contacts);
                details.put("phoneNumbers", contacts.nationalNumbers());
                details.put("emailDomains", contacts.emailDomains());
            }
            if (!contacts.equals(before) || !cleanName.equals(organisation.name()) || kind != organisation.kind()) {
                OrganisationVersion.bump(handle, organisation.id(), clock.instant(), actor.name());
            }
            audit.record(handle, actor, "organisation.updated", "organisation:" + slug, null, details);
            return null;
        });
    }

    /** An organisation's listed phone numbers and e-mail domains, as stored now. */
    public OrganisationContacts contacts(long organisationId) {
        return db.read(handle -> contactStore.of(handle, organisationId));
    }

    /** An organisation's version as stored now (V030): what its edit form and the API's change are based on. */
    public OrganisationVersion version(long organisationId) {
        return db.read(handle -> OrganisationVersion.of(handle, organisationId));
    }

    /** Every organisation's version by id, for the register's row forms. */
    public Map<Long, Integer> versions() {
        return db.read(OrganisationVersion::all);
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    public Koppelzone createKoppelzone(NewKoppelzone input, Author actor) {
        return db.write(handle -> {
            List<FieldError> errors = new ArrayList<>();
            String cleanName = name(input.name(), 160, errors);
            String cleanSlug = slug(input.slug(), cleanName, 120, errors);
            Optional<Municipality> municipality = input.municipality() == null ? Optional.empty()
                    : store.municipalityBySlug(handle, input.municipality().strip());
            if (municipality.isEmpty()) {
                errors.add(new FieldError("municipality", "error.koppelzone.municipality", String.valueOf(input.municipality())));
            }
            if (input.level() == null) {
                errors.add(new FieldError("level", "error.koppelzone.level"));
            }
            if (errors.isEmpty() && store.bySlug(handle, cleanSlug).isPresent()) {
                errors.add(new FieldError("slug", "error.slug.taken", cleanSlug));
            }
            InvalidInput.throwIfAny(errors);
            String description = CleanText.text(input.description()).strip();
            Koppelzone koppelzone = store.createKoppelzone(handle, cleanSlug, cleanName, municipality.get(), input.level(), description);
            audit.record(handle, actor, "koppelzone.created", "koppelzone:" + cleanSlug, koppelzone.id(),
                    Map.of("name", cleanName, "municipality", municipality.get().slug(), "level", input.level().code()));
            return koppelzone;
        });
    }

    /** Changes name, level, description and chairing organisation (which must be a party). */
    public void updateKoppelzone(long koppelzoneId, String name, KoppelzoneLevel level, String description, String chairSlug,
                                 Author actor) {
        db.write(handle -> {
            Koppelzone koppelzone = store.byId(handle, koppelzoneId).orElseThrow(() -> new NotFound("koppelzone"));
            List<FieldError> errors = new ArrayList<>();
            String cleanName = name(name, 160, errors);
            if (level == null) {
                errors.add(new FieldError("level", "error.koppelzone.level"));
            }
            Long chairId = null;
            if (chairSlug != null && !chairSlug.isBlank()) {
                chairId = store.parties(handle, koppelzoneId).stream().map(Party::organisation)
                        .filter(o -> o.slug().equals(chairSlug.strip())).map(Organisation::id).findFirst().orElse(null);
                if (chairId == null) {
                    errors.add(new FieldError("chair", "error.koppelzone.chair"));
                }
            }
            InvalidInput.throwIfAny(errors);
            store.updateKoppelzone(handle, koppelzoneId, cleanName, level, CleanText.text(description).strip(), chairId);
            audit.record(handle, actor, "koppelzone.updated", "koppelzone:" + koppelzone.slug(), koppelzoneId,
                    Map.of("name", cleanName, "level", level.code()));
            return null;
        });
    }

    /** Adds an organisation as a party, or changes the date it joined if it already is one. */
    public void setParty(long koppelzoneId, String organisationSlug, LocalDate joinedOn, Author actor) {
        db.write(handle -> {
            Koppelzone koppelzone = store.byId(handle, koppelzoneId).orElseThrow(() -> new NotFound("koppelzone"));
            Organisation organisation = store.organisationBySlug(handle, organisationSlug == null ? "" : organisationSlug.strip())
                    .orElseThrow(() -> new InvalidInput("organisation", "error.party.organisation", String.valueOf(organisationSlug)));
            LocalDate joined = joinedOn == null ? LocalDate.now(clock.withZone(ZoneId.of("Europe/Amsterdam"))) : joinedOn;
            boolean added = store.addParty(handle, koppelzoneId, organisation.id(), joined);
            if (!added) {
                store.setJoinedOn(handle, koppelzoneId, organisation.id(), joined);
            }
            audit.record(handle, actor, added ? "party.added" : "party.updated", "koppelzone:" + koppelzone.slug(), koppelzoneId,
                    Map.of("organisation", organisation.slug(), "joinedOn", joined.toString()));
            if (added) {
                partyJoined.joined(handle, koppelzone, organisation);
            }
            return null;
        });
    }

    /** Removes a party; refused while it is party to one of the koppelzone's agreements. */
    public void removeParty(long koppelzoneId, String organisationSlug, Author actor) {
        db.write(handle -> {
            Koppelzone koppelzone = store.byId(handle, koppelzoneId).orElseThrow(() -> new NotFound("koppelzone"));
            Organisation organisation = store.organisationBySlug(handle, organisationSlug).orElseThrow(() -> new NotFound("party"));
            int inUse = store.agreementsWithParty(handle, koppelzoneId, organisation.id());
            if (inUse > 0) {
                throw new InvalidInput("organisation", "error.party.inUse", organisation.name(), inUse);
            }
            if (!store.removeParty(handle, koppelzoneId, organisation.id())) {
                throw new NotFound("party");
            }
            audit.record(handle, actor, "party.removed", "koppelzone:" + koppelzone.slug(), koppelzoneId,
                    Map.of("organisation", organisation.slug()));
            return null;
        });
    }

    /** A name in its canonical form ({@link CleanText#line}); it must give a slug. */
    private static String name(String value, int max, List<FieldError> errors) {
        String clean = CleanText.line(value);
        if (clean.isEmpty() || clean.length() > max || Slugs.of(clean, 120).isEmpty()) {
            errors.add(new FieldError("name", "error.name.invalid", max));
        }
        return clean;
    }

    private static String slug(String given, String name, int max, List<FieldError> errors) {
        String cleanGiven = CleanText.line(given);
        String slug = cleanGiven.isEmpty() ? Slugs.of(name, max) : cleanGiven;
        if (!Slugs.isValid(slug) || slug.length() > max) {
            errors.add(new FieldError("slug", "error.slug.invalid"));
        }
        return slug;
    }

}
