package nl.afsprakenwiki.health;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.db.Times;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health series of a koppelzone (issue 18 point 3) on a real wiki whose history is made with the
 * test clock through the API: proposals, endorsements, a withdrawal, a retirement, a review date set by
 * hand, an import, and waardelekken reported and solved. Every series is checked against counts computed
 * directly with SQL on the database (the must-hold), and against the story itself.
 */
class HealthTest {

    private static final ZoneId DUTCH = ZoneId.of("Europe/Amsterdam");
    private static final String ZONE = "Koppelzone Gezondstad";
    private static final String TOWN = "Gezondstad";
    private static final TestClock CLOCK = new TestClock(Instant.parse("2025-01-10T12:00:00Z"));
    private static final Instant NOW = Instant.parse("2026-08-20T12:00:00Z");

    @TempDir
    static Path dir;
    static TestApp app;
    static String slug;
    static long koppelzoneId;
    static TestApp.Client chair;
    static TestApp.Client member;

    @BeforeAll
    static void history() {
        app = TestApp.start(Settings.forTests(dir), CLOCK);
        slug = app.koppelzone(ZONE, TOWN);
        koppelzoneId = app.services.koppelzones().bySlug(slug).orElseThrow().id();
        chair = app.bearer(app.member(slug, "voorzitter-gezond", Role.VOORZITTER));
        member = app.bearer(app.member(slug, "lezer-gezond", Role.LEZER));
        TestApp.Client wijkteam = app.bearer(app.member(slug, "manager-wijkteam", Role.MANAGER, "wijkteam-gezondstad"));
        TestApp.Client huisartsen = app.bearer(app.member(slug, "manager-huisartsen", Role.MANAGER, "huisartsen-gezondstad"));

        long a1 = create("Terugbellen na verwijzing");                        // 2025-01-10
        at("2025-02-03");
        ok(chair.postJson("/api/v1/agreements/" + a1 + "/proposals", Map.of("revision", 1)));
        at("2025-02-10");
        endorse(wijkteam, a1, 1);
        at("2025-02-13");
        endorse(huisartsen, a1, 1);                                            // bekrachtigd after 10 days
        at("2025-03-05");
        long a2 = create("Warme overdracht bij afschaling");
        at("2025-03-10");
        long l1 = leak("Terugverwijzing zonder overdracht");
        at("2025-04-01");
        ok(chair.postJson("/api/v1/agreements/" + a2 + "/proposals", Map.of("revision", 1)));
        at("2025-04-15");
        ok(chair.postJson("/api/v1/agreements/" + a2 + "/proposals/withdraw", Map.of("reason", "Eerst in het overleg")));
        at("2025-05-02");
        ok(chair.postJson("/api/v1/agreements/" + a2 + "/proposals", Map.of("revision", 1)));
        at("2025-05-05");
        leak("Wachttijd na verwijzing");
        at("2025-05-15");
        endorse(wijkteam, a2, 1);
        at("2025-05-20");
        endorse(huisartsen, a2, 1);                                            // 49 days after the first proposal
        at("2025-06-02");
        ok(chair.putJson("/api/v1/agreements/" + a2 + "/review-date", Map.of("reviewDate", "2025-12-01")));
        at("2025-06-10");
        long a3 = create("Gezamenlijk huisbezoek");
        at("2025-06-20");
        solve(l1, a1);
        at("2025-07-01");
        long a4 = create("Consultatie door de huisarts");
        at("2025-07-07");
        ok(chair.postJson("/api/v1/agreements/" + a4 + "/proposals", Map.of("revision", 1)));
        at("2025-07-10");
        endorse(wijkteam, a4, 1);                                              // the huisartsen never decide
        at("2025-08-01");
        app.data.agreementBetween(ZONE, TOWN, "ingevoerd", "Ingevoerde afspraak", "bekrachtigd",
                List.of("Wijkteam " + TOWN, "Huisartsen " + TOWN));
        at("2025-09-15");
        ok(chair.postJson("/api/v1/agreements/" + a3 + "/retire", Map.of("reason", "Niet meer nodig")));
        at("2025-10-01");
        ok(chair.putJson("/api/v1/agreements/" + a1, Map.of("title", "Terugbellen na verwijzing",
                "body", "Herziene tekst van de afspraak.", "baseRevision", 1, "summary", "herziening")));
        at("2025-10-02");
        ok(chair.postJson("/api/v1/agreements/" + a1 + "/proposals", Map.of("revision", 2)));
        at("2025-10-20");
        endorse(huisartsen, a1, 2);
        at("2025-10-30");
        endorse(wijkteam, a1, 2);                                              // 28 days
        at("2026-01-15");
        long l3 = leak("Geen plek na crisisopname");
        at("2026-02-01");
        solve(l3, a2);
        at("2026-02-05");
        ok(chair.send("PATCH", "/api/v1/leaks/" + l3, "application/json", TestApp.json(Map.of("status", "in_behandeling"))));
        at("2026-02-10");
        solve(l3, a2);                                                         // solved twice in one quarter: once
        CLOCK.set(NOW);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static void at(String day) {
        CLOCK.set(Instant.parse(day + "T12:00:00Z"));
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        return response;
    }

    private static long create(String title) {
        return ok(chair.postJson("/api/v1/koppelzones/" + slug + "/agreements", Map.of("title", title,
                "body", "Tekst van " + title + ".", "parties", List.of("wijkteam-gezondstad", "huisartsen-gezondstad"),
                "themes", List.of("toegang")))).json().get("id").asLong();
    }

    private static void endorse(TestApp.Client manager, long agreement, int revision) {
        ok(manager.postJson("/api/v1/agreements/" + agreement + "/endorsements", Map.of("revision", revision,
                "decision", "endorse", "remark", "")));
    }

    private static long leak(String title) {
        return ok(chair.postJson("/api/v1/koppelzones/" + slug + "/leaks", Map.of("parties",
                List.of("wijkteam-gezondstad", "huisartsen-gezondstad"), "moment", "overdracht", "title", title,
                "description", "Het gezin valt tussen wal en schip.", "frequency", "maandelijks"))).json().get("id").asLong();
    }

    private static void solve(long leak, long agreement) {
        ok(chair.send("PATCH", "/api/v1/leaks/" + leak, "application/json",
                TestApp.json(Map.of("status", "opgelost", "agreements", List.of(agreement)))));
    }

    private static JsonNode series(String code) {
        JsonNode all = ok(member.get("/api/v1/koppelzones/" + slug + "/health")).json().get("series");
        for (JsonNode series : all) {
            if (series.get("code").asText().equals(code)) {
                return series;
            }
        }
        throw new AssertionError("no series " + code);
    }

    /** The moments of the monthly points, computed here from the definition: a month's last millisecond, or now. */
    private static Map<String, Instant> points(JsonNode series) {
        Map<String, Instant> points = new java.util.LinkedHashMap<>();
        for (JsonNode row : series.get("rows")) {
            YearMonth month = YearMonth.parse(row.get(0).asText());
            Instant end = month.plusMonths(1).atDay(1).atStartOfDay(DUTCH).toInstant().minusMillis(1);
            points.put(month.toString(), end.isAfter(NOW) ? NOW : end);
        }
        return points;
    }

    private static final String STATUS_AT = """
            CASE WHEN a.retired_at IS NOT NULL AND a.retired_at <= :p THEN 'vervallen'
                 WHEN EXISTS (SELECT 1 FROM endorsement_round r WHERE r.agreement_id = a.id AND r.proposed_at <= :p
                              AND (r.closed_at IS NULL OR r.closed_at > :p)) THEN 'ter_bekrachtiging'
                 WHEN EXISTS (SELECT 1 FROM endorsement_round r WHERE r.agreement_id = a.id AND r.outcome = 'bekrachtigd'
                              AND r.closed_at <= :p) THEN 'bekrachtigd'
                 ELSE 'concept' END""";

    private static Map<String, Integer> statusCountsBySql(Instant point) {
        Map<String, Integer> counts = new HashMap<>();
        app.db.read(handle -> handle.createQuery("SELECT " + STATUS_AT + " AS status, count(*) AS n FROM agreement a"
                        + " WHERE a.koppelzone_id = :k AND a.created_at <= :p GROUP BY 1")
                .bind("k", koppelzoneId).bind("p", Times.format(point))
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getInt("n"))).list())
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    @Test
    void theStatusSeriesMatchesCountsComputedWithSqlAtEveryMonthEnd() {
        JsonNode series = series(Health.STATUS);
        assertThat(series.get("columns")).extracting(JsonNode::asText)
                .containsExactly("month", "concept", "ter_bekrachtiging", "bekrachtigd", "vervallen");
        // since the first agreement (2025-01), fewer than 24 months
        assertThat(series.get("rows")).hasSize(20);
        assertThat(series.get("rows").get(0).get(0).asText()).isEqualTo("2025-01");
        Map<String, Instant> points = points(series);
        for (JsonNode row : series.get("rows")) {
            Map<String, Integer> sql = statusCountsBySql(points.get(row.get(0).asText()));
            assertThat(List.of(row.get(1).asInt(), row.get(2).asInt(), row.get(3).asInt(), row.get(4).asInt()))
                    .as("month %s", row.get(0).asText())
                    .containsExactly(sql.getOrDefault("concept", 0), sql.getOrDefault("ter_bekrachtiging", 0),
                            sql.getOrDefault("bekrachtigd", 0), sql.getOrDefault("vervallen", 0));
        }
        // the story: withdrawn in April, so concept again; retired in September; now the table's own status
        assertThat(row(series, "2025-04")).containsExactly(1, 0, 1, 0);
        assertThat(row(series, "2025-07")).containsExactly(1, 1, 2, 0);
        assertThat(row(series, "2025-09")).containsExactly(0, 1, 3, 1);
        assertThat(row(series, "2026-08")).containsExactly(0, 1, 3, 1);
    }

    @Test
    void atNowTheDerivedStatusIsTheStatusTheAgreementTableRecords() {
        Map<String, Integer> recorded = new HashMap<>();
        app.db.read(handle -> handle.createQuery("SELECT status, count(*) AS n FROM agreement WHERE koppelzone_id = :k GROUP BY status")
                .bind("k", koppelzoneId).map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getInt("n"))).list())
                .forEach(entry -> recorded.put(entry.getKey(), entry.getValue()));
        JsonNode last = series(Health.STATUS).get("rows").get(19);
        assertThat(List.of(last.get(1).asInt(), last.get(2).asInt(), last.get(3).asInt(), last.get(4).asInt()))
                .containsExactly(recorded.getOrDefault("concept", 0), recorded.getOrDefault("ter_bekrachtiging", 0),
                        recorded.getOrDefault("bekrachtigd", 0), recorded.getOrDefault("vervallen", 0));
    }

    @Test
    void theMedianDaysFromProposalToEndorsementMatchSqlPerQuarter() {
        JsonNode series = series(Health.ENDORSEMENT_DAYS);
        assertThat(series.get("columns")).extracting(JsonNode::asText).containsExactly("quarter", "endorsements", "median_days");
        Map<String, List<Double>> byQuarter = new HashMap<>();
        app.db.read(handle -> handle.createQuery("""
                        SELECT strftime('%Y', r.closed_at) || '-Q' || ((CAST(strftime('%m', r.closed_at) AS INTEGER) + 2) / 3) AS q,
                               julianday(r.closed_at) - julianday((SELECT min(f.proposed_at) FROM endorsement_round f
                                   WHERE f.agreement_id = r.agreement_id AND f.revision_number = r.revision_number
                                     AND f.imported = 0)) AS days
                        FROM endorsement_round r JOIN agreement a ON a.id = r.agreement_id
                        WHERE a.koppelzone_id = :k AND r.outcome = 'bekrachtigd' AND r.imported = 0
                        """).bind("k", koppelzoneId)
                .map((rs, ctx) -> Map.entry(rs.getString("q"), rs.getDouble("days"))).list())
                .forEach(entry -> byQuarter.computeIfAbsent(entry.getKey(), q -> new ArrayList<>()).add(entry.getValue()));
        assertThat(series.get("rows")).hasSize(7);
        for (JsonNode row : series.get("rows")) {
            List<Double> days = byQuarter.getOrDefault(row.get(0).asText(), List.of());
            assertThat(row.get(1).asInt()).as("endorsements in %s", row.get(0).asText()).isEqualTo(days.size());
            if (days.isEmpty()) {
                assertThat(row.get(2).isNull()).as("no median in %s", row.get(0).asText()).isTrue();
            } else {
                double[] sorted = days.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
                assertThat(row.get(2).decimalValue()).as("median in %s", row.get(0).asText())
                        .isEqualByComparingTo(BigDecimal.valueOf(median).setScale(1, RoundingMode.HALF_UP));
            }
        }
        // the story: 10 days; 49 (the withdrawal does not reset the clock); none (the import does not count); 28
        assertThat(decimal(series, "2025-Q1", 2)).isEqualByComparingTo("10.0");
        assertThat(decimal(series, "2025-Q2", 2)).isEqualByComparingTo("49.0");
        assertThat(decimal(series, "2025-Q3", 2)).isNull();
        assertThat(decimal(series, "2025-Q4", 2)).isEqualByComparingTo("28.0");
    }

    @Test
    void theShareOfAgreementsPastTheirReviewDateMatchesSqlAtEveryMonthEnd() {
        JsonNode series = series(Health.PAST_REVIEW);
        assertThat(series.get("columns")).extracting(JsonNode::asText)
                .containsExactly("month", "endorsed", "past_review", "share_past_review");
        Map<String, Instant> points = points(series);
        for (JsonNode row : series.get("rows")) {
            Instant point = points.get(row.get(0).asText());
            String day = LocalDate.ofInstant(point, DUTCH).toString();
            List<String> reviewDates = app.db.read(handle -> handle.createQuery("""
                            SELECT CASE WHEN ea IS NULL AND ra IS NULL THEN review_date
                                        WHEN ra IS NULL OR (ea IS NOT NULL AND ea > ra) THEN ed
                                        ELSE date(ra, '+12 months') END AS review
                            FROM (SELECT a.review_date,
                                         (SELECT max(e.at) FROM audit_event e WHERE e.target = 'agreement:' || a.id
                                             AND e.action IN ('agreement.reviewDate', 'agreement.details') AND e.at <= :p) AS ea,
                                         (SELECT json_extract(e.details, '$.reviewDate') FROM audit_event e
                                             WHERE e.target = 'agreement:' || a.id
                                             AND e.action IN ('agreement.reviewDate', 'agreement.details') AND e.at <= :p
                                             ORDER BY e.at DESC, e.id DESC LIMIT 1) AS ed,
                                         (SELECT max(r.closed_at) FROM endorsement_round r WHERE r.agreement_id = a.id
                                             AND r.outcome = 'bekrachtigd' AND r.imported = 0 AND r.closed_at <= :p) AS ra
                                  FROM agreement a
                                  WHERE a.koppelzone_id = :k AND a.created_at <= :p AND (%s) = 'bekrachtigd')
                            """.formatted(STATUS_AT)).bind("k", koppelzoneId).bind("p", Times.format(point))
                    .map((rs, ctx) -> rs.getString("review")).list());
            long past = reviewDates.stream().filter(date -> date != null && !date.isEmpty() && date.compareTo(day) < 0).count();
            assertThat(row.get(1).asInt()).as("endorsed at %s", row.get(0).asText()).isEqualTo(reviewDates.size());
            assertThat(row.get(2).asLong()).as("past review at %s", row.get(0).asText()).isEqualTo(past);
            if (reviewDates.isEmpty()) {
                assertThat(row.get(3).isNull()).isTrue();
            } else {
                assertThat(row.get(3).decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(100.0 * past / reviewDates.size())
                        .setScale(1, RoundingMode.HALF_UP));
            }
        }
        // the story: the voorzitter moved one review date to 1 December 2025, so from December one of three is overdue
        assertThat(row(series, "2025-11")).containsExactly(3, 0);
        assertThat(row(series, "2025-12")).containsExactly(3, 1);
        assertThat(decimal(series, "2026-08", 3)).isEqualByComparingTo("33.3");
    }

    @Test
    void theLeaksReportedAndSolvedMatchSqlPerQuarter() {
        JsonNode series = series(Health.LEAKS);
        assertThat(series.get("columns")).extracting(JsonNode::asText).containsExactly("quarter", "reported", "solved");
        String quarter = "strftime('%Y', {t}) || '-Q' || ((CAST(strftime('%m', {t}) AS INTEGER) + 2) / 3)";
        Map<String, Integer> reported = counts("SELECT " + quarter.replace("{t}", "created_at")
                + " AS q, count(*) AS n FROM leak WHERE koppelzone_id = :k GROUP BY 1");
        Map<String, Integer> solved = counts("SELECT " + quarter.replace("{t}", "e.at") + " AS q, count(DISTINCT e.leak_id) AS n"
                + " FROM leak_event e JOIN leak l ON l.id = e.leak_id WHERE l.koppelzone_id = :k AND e.kind = 'status'"
                + " AND e.status = 'opgelost' GROUP BY 1");
        for (JsonNode row : series.get("rows")) {
            assertThat(List.of(row.get(1).asInt(), row.get(2).asInt())).as("quarter %s", row.get(0).asText())
                    .containsExactly(reported.getOrDefault(row.get(0).asText(), 0), solved.getOrDefault(row.get(0).asText(), 0));
        }
        assertThat(row(series, "2025-Q1")).containsExactly(1, 0);
        assertThat(row(series, "2025-Q2")).containsExactly(1, 1);
        assertThat(row(series, "2026-Q1")).containsExactly(1, 1);
    }

    private static Map<String, Integer> counts(String sql) {
        Map<String, Integer> counts = new HashMap<>();
        app.db.read(handle -> handle.createQuery(sql).bind("k", koppelzoneId)
                .map((rs, ctx) -> Map.entry(rs.getString("q"), rs.getInt("n"))).list())
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    @Test
    void aLongerHistoryShowsTheLast24Months() {
        Health later = new HealthService(app.db, Clock.fixed(Instant.parse("2027-06-20T12:00:00Z"), DUTCH))
                .health(app.services.koppelzones().bySlug(slug).orElseThrow());
        Health.Series status = later.series(Health.STATUS).orElseThrow();
        assertThat(status.rows()).hasSize(HealthService.MONTHS);
        assertThat(status.rows().get(0).period()).isEqualTo("2025-07");
        assertThat(later.series(Health.LEAKS).orElseThrow().rows()).extracting(Health.Row::period)
                .startsWith("2025-Q3").endsWith("2027-Q2");
    }

    @Test
    void eachCsvHasTheHeaderAndRowsOfTheJson() {
        TestApp.Client browser = app.signIn("lezer-gezond");
        for (String code : Health.CODES) {
            JsonNode series = series(code);
            Response csv = ok(browser.get("/koppelzones/" + slug + "/gezondheid/" + code + ".csv"));
            assertThat(csv.header("Content-Type")).startsWith("text/csv");
            assertThat(csv.header("Content-Disposition")).contains(slug + "-" + code + ".csv");
            List<String> lines = csv.body().lines().toList();
            List<String> header = new ArrayList<>();
            series.get("columns").forEach(column -> header.add(column.asText()));
            assertThat(lines.get(0)).isEqualTo(String.join(",", header));
            assertThat(lines).hasSize(series.get("rows").size() + 1);
            for (int i = 0; i < series.get("rows").size(); i++) {
                List<String> fields = new ArrayList<>();
                series.get("rows").get(i).forEach(value -> fields.add(value.isNull() ? "" : value.asText()));
                assertThat(lines.get(i + 1)).as("%s row %d", code, i).isEqualTo(String.join(",", fields));
            }
        }
        assertThat(browser.get("/koppelzones/" + slug + "/gezondheid/onbekend.csv").status()).isEqualTo(404);
    }

    @Test
    void outsidersGetNoSeriesAndAnUnknownKoppelzoneIsNotFound() {
        TestApp.Client outsider = app.bearer(app.account("buitenstaander").username());
        TestApp.Client outsiderBrowser = app.signIn("buitenstaander");
        assertThat(outsider.get("/api/v1/koppelzones/" + slug + "/health").status()).isEqualTo(403);
        assertThat(outsiderBrowser.get("/koppelzones/" + slug + "/gezondheid").status()).isEqualTo(403);
        assertThat(outsiderBrowser.get("/koppelzones/" + slug + "/gezondheid/status.csv").status()).isEqualTo(403);
        assertThat(app.get("/api/v1/koppelzones/" + slug + "/health").status()).isEqualTo(401);
        Response page = app.get("/koppelzones/" + slug + "/gezondheid");
        assertThat(page.status()).isIn(302, 303);
        assertThat(page.header("Location")).startsWith("/login");
        assertThat(member.get("/api/v1/koppelzones/bestaat-niet/health").status()).isEqualTo(404);
        // the links are there for members only
        assertThat(app.get("/koppelzones/" + slug).body()).doesNotContain("/gezondheid");
        assertThat(app.get("/koppelzones/" + slug + "/keten").body()).doesNotContain("/gezondheid");
        assertThat(app.signIn("lezer-gezond").get("/koppelzones/" + slug + "/keten").body())
                .contains("href=\"/koppelzones/" + slug + "/gezondheid\"");
    }

    @Test
    void thePageDrawsEachSeriesAsAnAccessibleSvgWithItsTable() {
        String page = ok(app.signIn("lezer-gezond").get("/koppelzones/" + slug + "/gezondheid")).body();
        for (String code : Health.CODES) {
            int start = page.indexOf("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"health-chart\"", page.indexOf("id=\"reeks-" + code + "\""));
            String svg = page.substring(start, page.indexOf("</svg>", start) + 6);
            assertThat(svg).contains("role=\"img\"", "aria-labelledby=\"grafiek-" + code + "-title grafiek-" + code + "-desc\"",
                    "<title id=\"grafiek-" + code + "-title\">", "<desc id=\"grafiek-" + code + "-desc\">");
            assertThat(page).contains("href=\"/koppelzones/" + slug + "/gezondheid/" + code + ".csv\"");
        }
        // every point and bar has its own title; the status chart has a point per status per month
        int statusStart = page.indexOf("id=\"grafiek-status-title\"");
        String statusSvg = page.substring(statusStart, page.indexOf("</svg>", statusStart));
        assertThat(statusSvg.split("<circle", -1)).hasSize(20 * 4 + 1);
        assertThat(statusSvg).contains("<title>Bekrachtigd, aug. 2026: 3</title>");
    }

    private static List<Integer> row(JsonNode series, String period) {
        for (JsonNode row : series.get("rows")) {
            if (row.get(0).asText().equals(period)) {
                List<Integer> values = new ArrayList<>();
                for (int i = 1; i < row.size(); i++) {
                    if (!row.get(i).isNull() && row.get(i).isIntegralNumber()) {
                        values.add(row.get(i).asInt());
                    }
                }
                return values;
            }
        }
        throw new AssertionError("no row " + period + " in " + series.get("code").asText());
    }

    private static BigDecimal decimal(JsonNode series, String period, int column) {
        for (JsonNode row : series.get("rows")) {
            if (row.get(0).asText().equals(period)) {
                return row.get(column).isNull() ? null : row.get(column).decimalValue();
            }
        }
        throw new AssertionError("no row " + period);
    }
}
