package nl.afsprakenwiki.adoption;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.ReadCache;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What spreads nationally (issue 18): the most adopted agreements, the themes in which
 * municipalities adopt most, and per jeugdregio its koppelzones with their public agreements and
 * the adoptions they took and gave. Computed from public data only, for everyone alike: an
 * agreement counts when it is public ({@code AgreementStatus.isPublic}: an endorsed revision, in
 * force), its title is that of its endorsed revision, and an adoption counts only when both the
 * adopted copy and its source are public. A draft, a draft adoption or a retired agreement changes
 * nothing here. Cached until a commit changes what it was read from (a {@link ReadCache}), so never stale.
 */
public final class Spread {

    /** How many agreements and themes the lists show. */
    static final int TOP = 10;
    /** The jeugdregio of municipalities that have none recorded (a key, never shown as such). */
    public static final String NO_REGION = "";

    /** An agreement adopted elsewhere: {@code adoptions} public copies in {@code municipalities} municipalities. */
    public record Adopted(long id, String title, String municipality, String koppelzone, String koppelzoneSlug,
                          int adoptions, int municipalities) {
        public String href() {
            return nl.afsprakenwiki.web.Paths.agreement(id);
        }
    }

    /** A theme: how many public adoptions carry it, by how many adopting municipalities. */
    public record Theme(String theme, int adoptions, int municipalities) {
    }

    /** A koppelzone on the map: its public agreements, the adoptions it took and the ones it gave. */
    public record Zone(String slug, String name, String municipality, int agreements, int taken, int given) {
    }

    /** A jeugdregio with its koppelzones ({@link #NO_REGION} for municipalities without one). */
    public record Region(String name, List<Zone> koppelzones) {
        public int agreements() {
            return koppelzones.stream().mapToInt(Zone::agreements).sum();
        }

        public int taken() {
            return koppelzones.stream().mapToInt(Zone::taken).sum();
        }

        public int given() {
            return koppelzones.stream().mapToInt(Zone::given).sum();
        }
    }

    /** The national picture. */
    public record Picture(List<Adopted> mostAdopted, List<Theme> themes, List<Region> regions, int agreements,
                          int adoptions) {
    }

    /** Public agreements with the title of their endorsed revision (see AgreementStatus.isPublic). */
    private static final String PUBLIC = """
            pub AS (SELECT a.id, a.koppelzone_id, e.title FROM agreement a
                    JOIN revision e ON e.agreement_id = a.id AND e.number = a.endorsed_revision
                    WHERE a.endorsed_revision IS NOT NULL AND a.status IN ('bekrachtigd', 'ter_bekrachtiging')),
            pub_adoption AS (SELECT ad.agreement_id, ad.source_agreement_id FROM adoption ad
                    JOIN pub x ON x.id = ad.agreement_id JOIN pub s ON s.id = ad.source_agreement_id)
            """;

    private final Database db;
    private final ReadCache<Boolean, Picture> cache;

    public Spread(Database db) {
        this.db = db;
        this.cache = new ReadCache<>(db, 1);
    }

    public Picture picture() {
        return cache.get(Boolean.TRUE, () -> db.read(Spread::read));
    }

    private static Picture read(Handle handle) {
        List<Adopted> adopted = handle.createQuery("WITH " + PUBLIC + """
                        SELECT s.id, s.title, m.name AS m_name, k.name AS k_name, k.slug AS k_slug,
                               count(*) AS adoptions, count(DISTINCT xk.municipality_id) AS municipalities
                        FROM pub_adoption pa
                        JOIN pub s ON s.id = pa.source_agreement_id
                        JOIN koppelzone k ON k.id = s.koppelzone_id JOIN municipality m ON m.id = k.municipality_id
                        JOIN pub x ON x.id = pa.agreement_id JOIN koppelzone xk ON xk.id = x.koppelzone_id
                        GROUP BY s.id, s.title, m.name, k.name, k.slug
                        ORDER BY adoptions DESC, municipalities DESC, s.title, s.id LIMIT :top
                        """)
                .bind("top", TOP)
                .map((rs, ctx) -> new Adopted(rs.getLong("id"), rs.getString("title"), rs.getString("m_name"),
                        rs.getString("k_name"), rs.getString("k_slug"), rs.getInt("adoptions"), rs.getInt("municipalities")))
                .list();
        List<Theme> themes = handle.createQuery("WITH " + PUBLIC + """
                        SELECT t.theme, count(*) AS adoptions, count(DISTINCT xk.municipality_id) AS municipalities
                        FROM pub_adoption pa
                        JOIN agreement_theme t ON t.agreement_id = pa.agreement_id
                        JOIN pub x ON x.id = pa.agreement_id JOIN koppelzone xk ON xk.id = x.koppelzone_id
                        GROUP BY t.theme ORDER BY adoptions DESC, municipalities DESC, t.theme LIMIT :top
                        """)
                .bind("top", TOP)
                .map((rs, ctx) -> new Theme(rs.getString("theme"), rs.getInt("adoptions"), rs.getInt("municipalities")))
                .list();
        Map<String, List<Zone>> regions = new LinkedHashMap<>();
        handle.createQuery("WITH " + PUBLIC + """
                        SELECT k.slug, k.name, m.name AS m_name, coalesce(trim(m.jeugdregio), '') AS region,
                               (SELECT count(*) FROM pub WHERE pub.koppelzone_id = k.id) AS agreements,
                               (SELECT count(*) FROM pub_adoption pa JOIN pub x ON x.id = pa.agreement_id
                                 WHERE x.koppelzone_id = k.id) AS taken,
                               (SELECT count(*) FROM pub_adoption pa JOIN pub s ON s.id = pa.source_agreement_id
                                 WHERE s.koppelzone_id = k.id) AS given
                        FROM koppelzone k JOIN municipality m ON m.id = k.municipality_id
                        ORDER BY coalesce(trim(m.jeugdregio), '') = '', lower(coalesce(trim(m.jeugdregio), '')), lower(m.name), lower(k.name), k.id
                        """)
                .map((rs, ctx) -> Map.entry(rs.getString("region"), new Zone(rs.getString("slug"), rs.getString("name"),
                        rs.getString("m_name"), rs.getInt("agreements"), rs.getInt("taken"), rs.getInt("given"))))
                .forEach(entry -> regions.computeIfAbsent(entry.getKey(), region -> new ArrayList<>()).add(entry.getValue()));
        List<Region> all = regions.entrySet().stream().map(entry -> new Region(entry.getKey(), List.copyOf(entry.getValue())))
                .toList();
        int agreements = handle.createQuery("WITH " + PUBLIC + " SELECT count(*) FROM pub").mapTo(Integer.class).one();
        int adoptions = handle.createQuery("WITH " + PUBLIC + " SELECT count(*) FROM pub_adoption").mapTo(Integer.class).one();
        return new Picture(adopted, themes, all, agreements, adoptions);
    }
}
