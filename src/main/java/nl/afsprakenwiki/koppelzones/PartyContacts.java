package nl.afsprakenwiki.koppelzones;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.ReadCache;
import nl.afsprakenwiki.privacy.KnownParties;
import nl.afsprakenwiki.privacy.Parties;
import nl.afsprakenwiki.text.Slugs;
import org.jdbi.v3.core.Handle;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The listed phone numbers and e-mail domains the privacy detector may pass in each koppelzone (issue
 * 17): those of its party organisations and of its chair. Every save of a text asks, so the whole
 * directory is read in a few queries once per change of the tables it reads ({@link ReadCache}): a save then
 * costs no query for it, and the save after a beheerder added a number sees that number.
 */
public final class PartyContacts implements KnownParties {

    private record Directory(Map<Long, Parties> byKoppelzone, Map<String, Long> byName,
                             Map<Long, OrganisationContacts> byOrganisation) {
    }

    private final Database db;
    private final OrganisationContactStore store = new OrganisationContactStore();
    private final ReadCache<String, Directory> directory;

    public PartyContacts(Database db) {
        this.db = db;
        this.directory = new ReadCache<>(db, 1);
    }

    @Override
    public Parties of(long koppelzoneId) {
        return directory().byKoppelzone().getOrDefault(koppelzoneId, Parties.NONE);
    }

    @Override
    public Parties ofNamed(String koppelzone) {
        if (koppelzone == null) {
            return Parties.NONE;
        }
        // as the import finds it (KoppelzoneStore.bySlugOrName): by slug, by name in any case, by the name's slug
        Map<String, Long> byName = directory().byName();
        Long id = byName.get(koppelzone.strip().toLowerCase(Locale.ROOT));
        if (id == null) {
            id = byName.get(Slugs.of(koppelzone, 120));
        }
        return id == null ? Parties.NONE : of(id);
    }

    /** One organisation's listed numbers and domains (for its page and the register). */
    public OrganisationContacts organisation(long organisationId) {
        return directory().byOrganisation().getOrDefault(organisationId, OrganisationContacts.NONE);
    }

    private Directory directory() {
        return directory.get("all", () -> db.read(this::load));
    }

    private Directory load(Handle handle) {
        Map<Long, OrganisationContacts> contacts = store.all(handle, null);
        Map<Long, Parties> byKoppelzone = new HashMap<>();
        Map<String, Long> byName = new HashMap<>();
        record Zone(long id, String slug, String name, Long chair) {
        }
        handle.createQuery("SELECT id, slug, name, chair_organisation_id FROM koppelzone")
                .map((rs, ctx) -> {
                    // getObject(…, Long.class) fails on NULL in this JDBC driver
                    long chair = rs.getLong(4);
                    return new Zone(rs.getLong(1), rs.getString(2), rs.getString(3), rs.wasNull() ? null : chair);
                })
                .forEach(zone -> {
                    byName.put(zone.slug().toLowerCase(Locale.ROOT), zone.id());
                    byName.putIfAbsent(zone.name().strip().toLowerCase(Locale.ROOT), zone.id());
                    if (zone.chair() != null) {
                        add(byKoppelzone, zone.id(), contacts.get(zone.chair()));
                    }
                });
        if (!contacts.isEmpty()) {
            handle.createQuery("SELECT koppelzone_id, organisation_id FROM koppelzone_party")
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                    .forEach(party -> add(byKoppelzone, party.getKey(), contacts.get(party.getValue())));
        }
        return new Directory(Map.copyOf(byKoppelzone), Map.copyOf(byName), Map.copyOf(contacts));
    }

    private static void add(Map<Long, Parties> byKoppelzone, long koppelzoneId, OrganisationContacts contacts) {
        if (contacts != null && !contacts.isEmpty()) {
            byKoppelzone.merge(koppelzoneId, contacts.parties(), Parties::and);
        }
    }
}
