package nl.afsprakenwiki.koppelzones;

import nl.afsprakenwiki.text.Slugs;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for municipalities, organisations, koppelzones and their parties. Every method runs on a caller's handle. */
public final class KoppelzoneStore {

    private static final String KOPPELZONE_SELECT = """
            SELECT k.id, k.slug, k.name, k.level, k.description,
                   m.id AS m_id, m.slug AS m_slug, m.name AS m_name, m.jeugdregio AS m_jeugdregio,
                   o.id AS o_id, o.slug AS o_slug, o.name AS o_name, o.kind AS o_kind
            FROM koppelzone k
            JOIN municipality m ON m.id = k.municipality_id
            LEFT JOIN organisation o ON o.id = k.chair_organisation_id
            """;

    static final RowMapper<Organisation> ORGANISATION = (rs, ctx) -> organisation(rs, "");

    private static final RowMapper<Municipality> MUNICIPALITY = (rs, ctx) ->
            new Municipality(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("jeugdregio"));

    private static final RowMapper<Koppelzone> KOPPELZONE = (rs, ctx) -> new Koppelzone(
            rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
            new Municipality(rs.getLong("m_id"), rs.getString("m_slug"), rs.getString("m_name"), rs.getString("m_jeugdregio")),
            KoppelzoneLevel.fromCode(rs.getString("level")).orElseThrow(),
            rs.getString("description"),
            rs.getObject("o_id") == null ? null : organisation(rs, "o_"));

    private static final RowMapper<Party> PARTY = (rs, ctx) ->
            new Party(organisation(rs, ""), LocalDate.parse(rs.getString("joined_on")));

    private static Organisation organisation(ResultSet rs, String prefix) throws SQLException {
        return new Organisation(rs.getLong(prefix + "id"), rs.getString(prefix + "slug"), rs.getString(prefix + "name"),
                OrganisationKind.fromCode(rs.getString(prefix + "kind")).orElseThrow());
    }

    public List<Koppelzone> all(Handle handle) {
        return handle.createQuery(KOPPELZONE_SELECT + " ORDER BY m.name, k.name").map(KOPPELZONE).list();
    }

    public int count(Handle handle) {
        return handle.createQuery("SELECT count(*) FROM koppelzone").mapTo(Integer.class).one();
    }

    public Optional<Koppelzone> bySlug(Handle handle, String slug) {
        return handle.createQuery(KOPPELZONE_SELECT + " WHERE k.slug = :slug")
                .bind("slug", slug).map(KOPPELZONE).findOne();
    }

    public Optional<Koppelzone> byId(Handle handle, long id) {
        return handle.createQuery(KOPPELZONE_SELECT + " WHERE k.id = :id").bind("id", id).map(KOPPELZONE).findOne();
    }

    /** Finds a koppelzone by its slug, its name (ignoring case), or the slug its name would get. */
    public Optional<Koppelzone> bySlugOrName(Handle handle, String slugOrName) {
        return bySlug(handle, slugOrName)
                .or(() -> handle.createQuery(KOPPELZONE_SELECT + " WHERE lower(k.name) = lower(:name) ORDER BY k.id LIMIT 1")
                        .bind("name", slugOrName).map(KOPPELZONE).findOne())
                .or(() -> bySlug(handle, Slugs.of(slugOrName, 120)));
    }

    public List<Party> parties(Handle handle, long koppelzoneId) {
        return handle.createQuery("""
                        SELECT o.id, o.slug, o.name, o.kind, p.joined_on
                        FROM koppelzone_party p JOIN organisation o ON o.id = p.organisation_id
                        WHERE p.koppelzone_id = :id
                        ORDER BY o.name
                        """)
                .bind("id", koppelzoneId).map(PARTY).list();
    }

    /** Every koppelzone's parties in one query (ordered by name within each): what {@link #parties} gives per koppelzone. */
    public Map<Long, List<Party>> allParties(Handle handle) {
        Map<Long, List<Party>> parties = new HashMap<>();
        handle.createQuery("""
                        SELECT p.koppelzone_id, o.id, o.slug, o.name, o.kind, p.joined_on
                        FROM koppelzone_party p JOIN organisation o ON o.id = p.organisation_id
                        ORDER BY p.koppelzone_id, o.name
                        """)
                .map((rs, ctx) -> Map.entry(rs.getLong("koppelzone_id"), PARTY.map(rs, ctx)))
                .forEach(row -> parties.computeIfAbsent(row.getKey(), id -> new ArrayList<>()).add(row.getValue()));
        return parties;
    }

    public List<Municipality> municipalities(Handle handle) {
        return handle.createQuery("SELECT id, slug, name, jeugdregio FROM municipality ORDER BY name").map(MUNICIPALITY).list();
    }

    public Optional<Municipality> municipalityBySlug(Handle handle, String slug) {
        return handle.createQuery("SELECT id, slug, name, jeugdregio FROM municipality WHERE slug = :slug")
                .bind("slug", slug).map(MUNICIPALITY).findOne();
    }

    public Optional<Organisation> organisationBySlug(Handle handle, String slug) {
        return handle.createQuery("SELECT id, slug, name, kind FROM organisation WHERE slug = :slug")
                .bind("slug", slug).map(ORGANISATION).findOne();
    }

    public Optional<Organisation> organisationById(Handle handle, long id) {
        return handle.createQuery("SELECT id, slug, name, kind FROM organisation WHERE id = :id")
                .bind("id", id).map(ORGANISATION).findOne();
    }

    public List<Organisation> organisationsBySlugs(Handle handle, Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        return handle.createQuery("SELECT id, slug, name, kind FROM organisation WHERE slug IN (<slugs>) ORDER BY name")
                .bindList("slugs", List.copyOf(slugs)).map(ORGANISATION).list();
    }

    // --- writes ---------------------------------------------------------------------------------

    /** Returns the municipality with this name's slug, creating it if missing; fills in a missing jeugdregio. */
    public Municipality ensureMunicipality(Handle handle, String name, String jeugdregio) {
        String slug = Slugs.of(name, 80);
        Optional<Municipality> existing = municipalityBySlug(handle, slug);
        if (existing.isPresent()) {
            Municipality found = existing.get();
            if (found.jeugdregio() == null && jeugdregio != null) {
                handle.createUpdate("UPDATE municipality SET jeugdregio = :regio WHERE id = :id")
                        .bind("regio", jeugdregio).bind("id", found.id()).execute();
                return new Municipality(found.id(), found.slug(), found.name(), jeugdregio);
            }
            return found;
        }
        long id = handle.createUpdate("INSERT INTO municipality (slug, name, jeugdregio) VALUES (:slug, :name, :regio)")
                .bind("slug", slug).bind("name", name).bind("regio", jeugdregio)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new Municipality(id, slug, name, jeugdregio);
    }

    /** Returns the organisation with this name's slug, creating it with {@code kind} if missing. */
    public Organisation ensureOrganisation(Handle handle, String name, OrganisationKind kind) {
        String slug = Slugs.of(name, 120);
        Optional<Organisation> existing = organisationBySlug(handle, slug);
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = handle.createUpdate("INSERT INTO organisation (slug, name, kind) VALUES (:slug, :name, :kind)")
                .bind("slug", slug).bind("name", name).bind("kind", kind.code())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new Organisation(id, slug, name, kind);
    }

    public Koppelzone createKoppelzone(Handle handle, String slug, String name, Municipality municipality,
                                       KoppelzoneLevel level, String description) {
        long id = handle.createUpdate("""
                        INSERT INTO koppelzone (slug, name, municipality_id, level, description)
                        VALUES (:slug, :name, :municipality, :level, :description)
                        """)
                .bind("slug", slug).bind("name", name).bind("municipality", municipality.id())
                .bind("level", level.code()).bind("description", description == null ? "" : description)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return byId(handle, id).orElseThrow();
    }

    public void updateKoppelzone(Handle handle, long id, KoppelzoneLevel level, String description) {
        handle.createUpdate("UPDATE koppelzone SET level = :level, description = :description WHERE id = :id")
                .bind("level", level.code()).bind("description", description).bind("id", id).execute();
    }

    public void setChair(Handle handle, long koppelzoneId, long organisationId) {
        handle.createUpdate("UPDATE koppelzone SET chair_organisation_id = :org WHERE id = :id")
                .bind("org", organisationId).bind("id", koppelzoneId).execute();
    }

    /** Adds a party; an organisation that already is a party keeps its original joining date. */
    public boolean addParty(Handle handle, long koppelzoneId, long organisationId, LocalDate joinedOn) {
        return handle.createUpdate("""
                        INSERT INTO koppelzone_party (koppelzone_id, organisation_id, joined_on)
                        VALUES (:koppelzone, :organisation, :joined)
                        ON CONFLICT (koppelzone_id, organisation_id) DO NOTHING
                        """)
                .bind("koppelzone", koppelzoneId).bind("organisation", organisationId).bind("joined", joinedOn)
                .execute() > 0;
    }

    public List<Organisation> organisations(Handle handle) {
        return handle.createQuery("SELECT id, slug, name, kind FROM organisation ORDER BY name").map(ORGANISATION).list();
    }

    public long insertMunicipality(Handle handle, String slug, String name, String jeugdregio) {
        return handle.createUpdate("INSERT INTO municipality (slug, name, jeugdregio) VALUES (:slug, :name, :regio)")
                .bind("slug", slug).bind("name", name).bind("regio", jeugdregio)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public long insertOrganisation(Handle handle, String slug, String name, OrganisationKind kind) {
        return handle.createUpdate("INSERT INTO organisation (slug, name, kind) VALUES (:slug, :name, :kind)")
                .bind("slug", slug).bind("name", name).bind("kind", kind.code())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public void updateOrganisation(Handle handle, long id, String name, OrganisationKind kind) {
        handle.createUpdate("UPDATE organisation SET name = :name, kind = :kind WHERE id = :id")
                .bind("name", name).bind("kind", kind.code()).bind("id", id).execute();
    }

    public void updateKoppelzone(Handle handle, long id, String name, KoppelzoneLevel level, String description, Long chairId) {
        handle.createUpdate("""
                        UPDATE koppelzone SET name = :name, level = :level, description = :description,
                                              chair_organisation_id = :chair
                        WHERE id = :id
                        """)
                .bind("name", name).bind("level", level.code()).bind("description", description).bind("chair", chairId)
                .bind("id", id).execute();
    }

    public void setJoinedOn(Handle handle, long koppelzoneId, long organisationId, LocalDate joinedOn) {
        handle.createUpdate("UPDATE koppelzone_party SET joined_on = :joined WHERE koppelzone_id = :k AND organisation_id = :o")
                .bind("joined", joinedOn).bind("k", koppelzoneId).bind("o", organisationId).execute();
    }

    /** How many of the koppelzone's agreements the organisation is party to. */
    public int agreementsWithParty(Handle handle, long koppelzoneId, long organisationId) {
        return handle.createQuery("""
                        SELECT count(*) FROM agreement_party p JOIN agreement a ON a.id = p.agreement_id
                        WHERE a.koppelzone_id = :k AND p.organisation_id = :o
                        """)
                .bind("k", koppelzoneId).bind("o", organisationId).mapTo(Integer.class).one();
    }

    public boolean removeParty(Handle handle, long koppelzoneId, long organisationId) {
        return handle.createUpdate("DELETE FROM koppelzone_party WHERE koppelzone_id = :k AND organisation_id = :o")
                .bind("k", koppelzoneId).bind("o", organisationId).execute() > 0;
    }
}
