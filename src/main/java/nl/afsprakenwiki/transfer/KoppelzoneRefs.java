package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.text.Slugs;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Koppelzones declared in an import, found by how agreement files refer to them. A reference is
 * matched against slugs first, then names, then the slug a name would get; a name can therefore
 * never shadow another koppelzone's slug, whatever order the files are read in.
 */
final class KoppelzoneRefs<T> {

    private final Map<String, T> bySlug = new LinkedHashMap<>();
    private final Map<String, T> byName = new LinkedHashMap<>();
    private final Map<String, T> byNameSlug = new LinkedHashMap<>();

    /** Registers a koppelzone; returns the one already registered under the same slug, if any. */
    Optional<T> add(String slug, String name, T value) {
        T earlier = bySlug.putIfAbsent(slug, value);
        byName.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
        byNameSlug.putIfAbsent(Slugs.of(name, 120), value);
        return Optional.ofNullable(earlier);
    }

    Optional<T> find(String reference) {
        T found = bySlug.get(reference);
        if (found == null) {
            found = byName.get(reference.toLowerCase(Locale.ROOT));
        }
        if (found == null) {
            found = bySlug.get(Slugs.of(reference, 120));
        }
        if (found == null) {
            found = byNameSlug.get(Slugs.of(reference, 120));
        }
        return Optional.ofNullable(found);
    }
}
