package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.koppelzones.KoppelzoneLevel;
import nl.afsprakenwiki.text.Slugs;
import nl.afsprakenwiki.transfer.FrontMatter.Invalid;
import nl.afsprakenwiki.transfer.ImportSet.KoppelzoneSpec;
import nl.afsprakenwiki.transfer.ImportSet.PartySpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads one koppelzone.yaml of an import folder; its values are cleaned as {@link FieldReader} reads them. */
final class KoppelzoneFileReader {

    private static final Set<String> KEYS = Set.of("name", "slug", "municipality", "jeugdregio", "level",
            "chair", "description", "parties");

    private final ImportProblems problems;
    private final FieldReader fields;
    private final SourceFiles sources;

    KoppelzoneFileReader(ImportProblems problems, FieldReader fields, SourceFiles sources) {
        this.problems = problems;
        this.fields = fields;
        this.sources = sources;
    }

    Optional<KoppelzoneSpec> read(Path file) {
        String text = sources.readText(file);
        if (text == null) {
            return Optional.empty();
        }
        try {
            FrontMatter yaml = FrontMatter.parse(text, 1);
            fields.unknownKeys(file, yaml, KEYS);
            String name = fields.named(file, yaml, fields.required(file, yaml, "name", 160), "name");
            String municipality = fields.named(file, yaml, fields.required(file, yaml, "municipality", 120), "municipality");
            String slug = fields.optional(file, yaml, "slug", 120);
            if (slug != null && !Slugs.isValid(slug)) {
                problems.add(file, FieldReader.line(yaml, "slug"), "slug '" + slug + "' mag alleen kleine letters, cijfers en streepjes bevatten");
            }
            KoppelzoneLevel level = KoppelzoneLevel.LOKAAL;
            String levelText = fields.optional(file, yaml, "level", 20);
            if (levelText != null) {
                level = KoppelzoneLevel.fromCode(levelText).orElse(null);
                if (level == null) {
                    problems.add(file, FieldReader.line(yaml, "level"), "niveau '" + levelText + "' bestaat niet; kies lokaal of regionaal");
                }
            }
            List<PartySpec> parties = fields.parties(file, yaml, true);
            if (name == null || municipality == null || level == null) {
                return Optional.empty();
            }
            return Optional.of(new KoppelzoneSpec(problems.display(file), name,
                    slug != null ? slug : Slugs.of(name, 120), municipality, fields.optional(file, yaml, "jeugdregio", 120),
                    level, fields.optional(file, yaml, "chair", 160), FieldReader.optionalText(yaml, "description"), parties));
        } catch (Invalid e) {
            problems.add(file, e.line, e.getMessage());
            return Optional.empty();
        }
    }
}
