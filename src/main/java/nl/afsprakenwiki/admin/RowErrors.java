package nl.afsprakenwiki.admin;

import java.util.Map;
import java.util.StringJoiner;

/**
 * The ids that tie a refused register row's messages to its fields: {@code <field>-<slug>-error}, so
 * screen readers read the message with the field, and rows never share an id.
 */
final class RowErrors {

    private RowErrors() {
    }

    static String id(String slug, String field) {
        return field + "-" + slug + "-error";
    }

    /** The ids of the messages shown for {@code fields} in this row, space-separated; empty when none. */
    static String describedBy(String slug, Map<String, String> errors, boolean refused, String... fields) {
        StringJoiner ids = new StringJoiner(" ");
        if (refused) {
            for (String field : fields) {
                if (errors.containsKey(field)) {
                    ids.add(id(slug, field));
                }
            }
        }
        return ids.toString();
    }
}
