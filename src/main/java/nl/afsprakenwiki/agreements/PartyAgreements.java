package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.db.Database;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The provider view's question to the agreements: which agreements an organisation is party to, with their themes. */
public final class PartyAgreements {

    private final Database db;

    public PartyAgreements(Database db) {
        this.db = db;
    }

    /**
     * The ids of every agreement the organisation is party to, whatever its status, each with its
     * themes (an empty list for none). What a viewer may see of them is decided by the caller.
     */
    public Map<Long, List<String>> themesByAgreement(long organisationId) {
        return db.read(handle -> {
        Map<Long, List<String>> themes = new LinkedHashMap<>();
        handle.createQuery("""
                        SELECT p.agreement_id, t.theme
                        FROM agreement_party p
                        LEFT JOIN agreement_theme t ON t.agreement_id = p.agreement_id
                        WHERE p.organisation_id = :organisation
                        ORDER BY p.agreement_id, t.theme
                        """)
                .bind("organisation", organisationId)
                .map((rs, ctx) -> Map.entry(rs.getLong("agreement_id"), Optional.ofNullable(rs.getString("theme"))))
                .forEach(row -> {
                    List<String> list = themes.computeIfAbsent(row.getKey(), id -> new ArrayList<>());
                    row.getValue().ifPresent(list::add);
                });
        return themes;
        });
    }
}
