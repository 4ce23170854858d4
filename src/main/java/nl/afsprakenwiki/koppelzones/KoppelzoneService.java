package nl.afsprakenwiki.koppelzones;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.ReadCache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading municipalities, koppelzones and their parties. */
public final class KoppelzoneService {

    private final Database db;
    private final KoppelzoneStore store;
    private final ReadCache<String, List<Details>> all;
    /** The koppelzones each organisation is a party in: an organisation's page lists them. */
    private final ReadCache<Boolean, Map<Long, List<Koppelzone>>> byParty;
    /** How many koppelzones there are: a beheerder's agreement page asks on every view (may adopt?). */
    private final ReadCache<Boolean, Integer> count;

    public KoppelzoneService(Database db, KoppelzoneStore store) {
        this.db = db;
        this.count = new ReadCache<>(db, 1);
        this.store = store;
        this.all = new ReadCache<>(db, 1);
        this.byParty = new ReadCache<>(db, 1);
    }

    /** A koppelzone with its parties. */
    public record Details(Koppelzone koppelzone, List<Party> parties) {
    }

    public List<Koppelzone> all() {
        return db.read(store::all);
    }

    /** How many koppelzones there are: one count, without reading them. */
    public int count() {
        return count.get(true, () -> db.read(store::count));
    }

    public Optional<Koppelzone> bySlug(String slug) {
        return db.read(handle -> store.bySlug(handle, slug));
    }

    public Optional<Details> details(String slug) {
        return db.read(handle -> store.bySlug(handle, slug).map(k -> new Details(k, store.parties(handle, k.id()))));
    }

    public Optional<Organisation> organisation(String slug) {
        return db.read(handle -> store.organisationBySlug(handle, slug));
    }

    /** An organisation's version (V030): what a change through the API is based on. */
    public int organisationVersion(long organisationId) {
        return db.read(handle -> OrganisationVersion.of(handle, organisationId)).version();
    }

    /** The koppelzone with its parties as they are now. */
    public Details details(Koppelzone koppelzone) {
        return db.read(handle -> new Details(koppelzone, store.parties(handle, koppelzone.id())));
    }

    /**
     * The koppelzones organisation {@code organisationId} is a party in, in the order of
     * {@link #allWithParties()}: looked up, not found by going through every koppelzone's parties.
     * Derived from the kept koppelzones with their parties (so it ends when they do), not read again.
     */
    public List<Koppelzone> withParty(long organisationId) {
        return byParty.get(true, () -> {
            Map<Long, List<Koppelzone>> zones = new HashMap<>();
            for (Details details : allWithParties()) {
                for (Party party : details.parties()) {
                    List<Koppelzone> of = zones.computeIfAbsent(party.organisation().id(), id -> new ArrayList<>());
                    if (of.isEmpty() || of.get(of.size() - 1) != details.koppelzone()) {
                        of.add(details.koppelzone());
                    }
                }
            }
            zones.replaceAll((id, list) -> List.copyOf(list));
            return Map.copyOf(zones);
        }).getOrDefault(organisationId, List.of());
    }

    public List<Details> allWithParties() {
        // one query for all parties: at national scale there are hundreds of koppelzones
        return all.get("all", () -> db.read(handle -> {
            Map<Long, List<Party>> parties = store.allParties(handle);
            return store.all(handle).stream()
                    .map(k -> new Details(k, List.copyOf(parties.getOrDefault(k.id(), List.of())))).toList();
        }));
    }
}
