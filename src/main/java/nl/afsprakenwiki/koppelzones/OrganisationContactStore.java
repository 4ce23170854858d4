package nl.afsprakenwiki.koppelzones;

import nl.afsprakenwiki.koppelzones.OrganisationContacts.ListedNumber;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SQL for organisations' listed phone numbers and e-mail domains (V020). Every method runs on a caller's handle. */
final class OrganisationContactStore {

    OrganisationContacts of(Handle handle, long organisationId) {
        return all(handle, organisationId).getOrDefault(organisationId, OrganisationContacts.NONE);
    }

    /** Every organisation's contacts (in two queries), or one organisation's when {@code only} is given. */
    Map<Long, OrganisationContacts> all(Handle handle, Long only) {
        String where = only == null ? "" : " WHERE organisation_id = :only";
        Map<Long, List<ListedNumber>> numbers = new HashMap<>();
        handle.createQuery("SELECT organisation_id, national, display FROM organisation_phone" + where
                        + " ORDER BY organisation_id, position")
                .bindMap(only == null ? Map.of() : Map.of("only", only))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new ListedNumber(rs.getString(2), rs.getString(3))))
                .forEach(row -> numbers.computeIfAbsent(row.getKey(), id -> new ArrayList<>()).add(row.getValue()));
        Map<Long, List<String>> domains = new HashMap<>();
        handle.createQuery("SELECT organisation_id, domain FROM organisation_email_domain" + where
                        + " ORDER BY organisation_id, position")
                .bindMap(only == null ? Map.of() : Map.of("only", only))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(row -> domains.computeIfAbsent(row.getKey(), id -> new ArrayList<>()).add(row.getValue()));
        Map<Long, OrganisationContacts> all = new HashMap<>();
        numbers.keySet().forEach(id -> all.put(id, null));
        domains.keySet().forEach(id -> all.put(id, null));
        all.replaceAll((id, none) -> new OrganisationContacts(numbers.getOrDefault(id, List.of()),
                domains.getOrDefault(id, List.of())));
        return all;
    }

    /** Replaces the organisation's numbers and domains by {@code contacts}, in their order. */
    void replace(Handle handle, long organisationId, OrganisationContacts contacts) {
        handle.createUpdate("DELETE FROM organisation_phone WHERE organisation_id = :id").bind("id", organisationId).execute();
        handle.createUpdate("DELETE FROM organisation_email_domain WHERE organisation_id = :id").bind("id", organisationId).execute();
        int position = 0;
        for (ListedNumber number : contacts.phoneNumbers()) {
            handle.createUpdate("""
                            INSERT INTO organisation_phone (organisation_id, national, display, position)
                            VALUES (:id, :national, :display, :position)""")
                    .bind("id", organisationId).bind("national", number.national()).bind("display", number.display())
                    .bind("position", position++).execute();
        }
        position = 0;
        for (String domain : contacts.emailDomains()) {
            handle.createUpdate("""
                            INSERT INTO organisation_email_domain (organisation_id, domain, position)
                            VALUES (:id, :domain, :position)""")
                    .bind("id", organisationId).bind("domain", domain).bind("position", position++).execute();
        }
    }
}
