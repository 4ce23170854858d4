package nl.afsprakenwiki.site;

import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Permissions;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/PERMISSIONS.md is checked against the code: its matrix must equal {@link Permissions#matrix()}
 * cell by cell, and its route table must list exactly the routes of the running application with
 * their rules. The tables are plain GitHub markdown; the parser accepts only the exact shape the
 * document uses, so a malformed row fails instead of being skipped.
 */
class PermissionsDocTest {

    private static final Path DOC = Path.of("docs/PERMISSIONS.md");
    private static final String YES = "ja";
    private static final String NO = "—";
    private static final Set<HandlerType> METHODS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);
    private static final List<String> ROUTE_HEADER = List.of("group", "method", "path", "rule", "what");
    private static final List<String> RULE_HEADER = List.of("rule", "permission", "koppelzone from", "who passes");
    private static final Pattern DELIMITER = Pattern.compile("\\|(\\s*:?-+:?\\s*\\|)+");
    private static final Pattern PERMISSION_CELL = Pattern.compile("`([A-Z_]+)` — \\S.*");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @TempDir
    Path dir;

    @Test
    void theMatrixInTheDocumentEqualsPermissionsMatrixCellByCell() throws IOException {
        Table table = tableWithHeader(tables(), header -> !header.isEmpty() && header.get(0).equals("permission"),
                "the matrix (first header cell 'permission')");
        List<String> expectedHeader = new ArrayList<>(List.of("permission"));
        Arrays.stream(Permissions.Column.values()).map(column -> column.name().toLowerCase(Locale.ROOT))
                .forEach(expectedHeader::add);
        assertThat(table.header()).as("header of the matrix (line %d), one column per Permissions.Column in enum order",
                table.line()).containsExactlyElementsOf(expectedHeader);

        List<String> codes = new ArrayList<>();
        for (Row row : table.rows()) {
            Matcher matcher = PERMISSION_CELL.matcher(row.cells().get(0));
            assertThat(matcher.matches()).as("line %d: first cell must be `PERMISSION` — description, was '%s'",
                    row.line(), row.cells().get(0)).isTrue();
            codes.add(matcher.group(1));
        }
        assertThat(codes).as("matrix rows: one per Permission, in enum order")
                .containsExactlyElementsOf(Arrays.stream(Permission.values()).map(Enum::name).toList());

        Map<Permission, Set<Permissions.Column>> matrix = Permissions.matrix();
        Permissions.Column[] columns = Permissions.Column.values();
        List<String> differences = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            Row row = table.rows().get(r);
            Permission permission = Permission.valueOf(codes.get(r));
            for (int i = 0; i < columns.length; i++) {
                String cell = row.cells().get(i + 1);
                String expected = matrix.get(permission).contains(columns[i]) ? YES : NO;
                if (!cell.equals(expected)) {
                    differences.add("%s × %s (line %d): document says '%s', Permissions.matrix() says '%s'".formatted(
                            permission, expectedHeader.get(i + 1), row.line(), cell, expected));
                }
            }
        }
        assertThat(differences).as("cells of docs/PERMISSIONS.md that differ from Permissions.matrix()").isEmpty();
    }

    @Test
    void theRouteTableInTheDocumentListsExactlyTheRoutesOfTheAppWithTheirRules() throws IOException {
        Table table = tableWithHeader(tables(), ROUTE_HEADER::equals, "the route table " + ROUTE_HEADER);
        List<String> documented = new ArrayList<>();
        for (Row row : table.rows()) {
            String method = row.cells().get(1);
            assertThat(METHODS.stream().map(HandlerType::name).toList())
                    .as("line %d: method must be one of GET, POST, PUT, PATCH, DELETE", row.line()).contains(method);
            String path = code(row, 2);
            assertThat(path).as("line %d: path must start with /", row.line()).startsWith("/");
            String rule = code(row, 3);
            assertThat(Arrays.stream(Rule.values()).map(Enum::name).toList())
                    .as("line %d: rule must be a web.Rule", row.line()).contains(rule);
            documented.add(method + " " + path + " " + rule);
        }
        assertThat(documented).as("routes listed twice in docs/PERMISSIONS.md").doesNotHaveDuplicates();

        Set<String> actual = new LinkedHashSet<>();
        try (TestApp app = TestApp.start(dir)) {
            for (var parsed : app.server().unsafe.internalRouter.allHttpHandlers()) {
                Endpoint endpoint = parsed.endpoint;
                if (METHODS.contains(endpoint.method)) {
                    actual.add(endpoint.method.name() + " " + endpoint.path + " " + rule(endpoint).name());
                }
            }
        }
        assertThat(actual).as("the app has routes").isNotEmpty();
        List<String> differences = new ArrayList<>();
        actual.stream().filter(route -> !documented.contains(route))
                .forEach(route -> differences.add("route of the app missing from the document: " + route));
        documented.stream().filter(route -> !actual.contains(route))
                .forEach(route -> differences.add("row of the document that is no route of the app (with that rule): " + route));
        assertThat(differences).as("route table of docs/PERMISSIONS.md against the app (method path rule)").isEmpty();
    }

    @Test
    void theRuleTableInTheDocumentNamesThePermissionOfEveryRule() throws IOException {
        Table table = tableWithHeader(tables(), RULE_HEADER::equals, "the rule table " + RULE_HEADER);
        List<String> documented = new ArrayList<>();
        for (Row row : table.rows()) {
            documented.add(code(row, 0) + " → " + code(row, 1));
        }
        assertThat(documented).as("rules and their permissions, in Rule enum order")
                .containsExactlyElementsOf(Arrays.stream(Rule.values())
                        .map(rule -> rule.name() + " → " + rule.permission().name()).toList());
    }

    // --- parsing --------------------------------------------------------------------------------

    /** A markdown table: header cells and body rows, with the line (1-based) where it starts. */
    private record Table(int line, List<String> header, List<Row> rows) {
    }

    private record Row(int line, List<String> cells) {
    }

    /**
     * Every table of the document: a run of lines starting with {@code |}, the second of which is a
     * delimiter row; every row must have as many cells as the header.
     */
    private static List<Table> tables() throws IOException {
        List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        List<Table> tables = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (!lines.get(i).startsWith("|")) {
                i++;
                continue;
            }
            int start = i;
            List<String> header = cells(lines.get(i), i + 1);
            assertThat(i + 1 < lines.size() && DELIMITER.matcher(lines.get(i + 1)).matches())
                    .as("line %d: a table's second line must be its delimiter row", i + 2).isTrue();
            i += 2;
            List<Row> rows = new ArrayList<>();
            while (i < lines.size() && lines.get(i).startsWith("|")) {
                List<String> cells = cells(lines.get(i), i + 1);
                assertThat(cells).as("line %d: cells in the row (header has %d)", i + 1, header.size())
                        .hasSize(header.size());
                rows.add(new Row(i + 1, cells));
                i++;
            }
            tables.add(new Table(start + 1, header, rows));
        }
        return tables;
    }

    private static List<String> cells(String line, int number) {
        assertThat(line).as("line %d: a table row must end with |", number).endsWith("|");
        String inner = line.substring(1, line.length() - 1);
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }

    private static Table tableWithHeader(List<Table> tables, Predicate<List<String>> header,
                                         String what) {
        List<Table> matching = tables.stream().filter(table -> header.test(table.header())).toList();
        assertThat(matching).as("docs/PERMISSIONS.md must contain exactly one table: %s", what).hasSize(1);
        return matching.get(0);
    }

    /** The content of a cell that must be exactly one code span. */
    private static String code(Row row, int column) {
        String cell = row.cells().get(column);
        Matcher matcher = CODE.matcher(cell);
        assertThat(matcher.matches()).as("line %d, column %d: must be one `code` span, was '%s'",
                row.line(), column + 1, cell).isTrue();
        return matcher.group(1);
    }

    private static Rule rule(Endpoint endpoint) {
        Roles roles = endpoint.metadata(Roles.class);
        Set<RouteRole> declared = roles == null ? Set.of() : roles.getRoles();
        assertThat(declared).as("%s %s must declare exactly one Rule", endpoint.method, endpoint.path).hasSize(1);
        RouteRole role = declared.iterator().next();
        assertThat(role).as("%s %s: its role must be a web.Rule", endpoint.method, endpoint.path).isInstanceOf(Rule.class);
        return (Rule) role;
    }
}
