package nl.afsprakenwiki.transfer;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML document (front matter or koppelzone.yaml) read as a node tree, so that every value keeps
 * its line number for error messages and no value is silently converted (a date stays the text the
 * author wrote until we parse it ourselves).
 */
final class FrontMatter {

    /** A problem found while reading, with its 1-based line in the file. */
    static final class Invalid extends Exception {
        final int line;

        Invalid(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** A value in the document: a scalar, a list or a mapping, with its line. */
    record Value(Node node, int line) {
        boolean isScalar() {
            return node instanceof ScalarNode;
        }

        /** The scalar's text; a plain {@code ~}, {@code null} or empty scalar counts as absent. */
        Optional<String> text() {
            if (node instanceof ScalarNode scalar) {
                String value = scalar.getValue();
                boolean plain = scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
                if (plain && (value.isEmpty() || value.equals("~") || value.equals("null"))) {
                    return Optional.empty();
                }
                return Optional.of(value);
            }
            return Optional.empty();
        }

        List<Value> items(int lineOffset) throws Invalid {
            if (node instanceof SequenceNode sequence) {
                List<Value> items = new ArrayList<>();
                for (Node item : sequence.getValue()) {
                    items.add(new Value(item, FrontMatter.line(item.getStartMark(), lineOffset)));
                }
                return items;
            }
            if (text().isEmpty() && isScalar()) {
                return List.of();
            }
            throw new Invalid(line, "verwacht een lijst");
        }

        Map<String, Value> mapping(int lineOffset) throws Invalid {
            if (node instanceof MappingNode mapping) {
                return FrontMatter.mapping(mapping, lineOffset);
            }
            throw new Invalid(line, "verwacht sleutels met waarden (naam: …)");
        }
    }

    private final Map<String, Value> values;
    private final int lineOffset;

    private FrontMatter(Map<String, Value> values, int lineOffset) {
        this.values = values;
        this.lineOffset = lineOffset;
    }

    /** Parses {@code yaml}, whose first line is line {@code firstLine} of the file. */
    static FrontMatter parse(String yaml, int firstLine) throws Invalid {
        int offset = firstLine - 1;
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(1_000_000);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new Invalid(mark == null ? firstLine : line(mark, offset), "ongeldige YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            throw new Invalid(firstLine, "ongeldige YAML: " + e.getMessage());
        }
        if (root == null) {
            return new FrontMatter(Map.of(), offset);
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new Invalid(line(root.getStartMark(), offset), "verwacht sleutels met waarden (titel: …)");
        }
        return new FrontMatter(mapping(mapping, offset), offset);
    }

    private static Map<String, Value> mapping(MappingNode mapping, int offset) throws Invalid {
        Map<String, Value> result = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw new Invalid(line(tuple.getKeyNode().getStartMark(), offset), "een sleutel moet tekst zijn");
            }
            result.put(key.getValue(), new Value(tuple.getValueNode(), line(key.getStartMark(), offset)));
        }
        return result;
    }

    private static int line(Mark mark, int offset) {
        return mark.getLine() + 1 + offset;
    }

    Map<String, Value> values() {
        return values;
    }

    int lineOffset() {
        return lineOffset;
    }

    Optional<Value> get(String key) {
        return Optional.ofNullable(values.get(key));
    }
}
