package nl.afsprakenwiki.koppelzones;

import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for the provider view: an organisation and the agreements it is party to. Runs on a caller's handle. */
final class OrganisationAgreements {

    Optional<Organisation> organisation(Handle handle, String slug) {
        return handle.createQuery("SELECT id, slug, name, kind FROM organisation WHERE slug = :slug")
                .bind("slug", slug).map(KoppelzoneStore.ORGANISATION).findOne();
    }

    /**
     * The ids of every agreement the organisation is party to, whatever its status, each with its
     * themes (an empty list for none). What a viewer may see of them is decided by the caller.
     */
    Map<Long, List<String>> themesByAgreement(Handle handle, long organisationId) {
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
    }
}
