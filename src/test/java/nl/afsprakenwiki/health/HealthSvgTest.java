package nl.afsprakenwiki.health;

import nl.afsprakenwiki.health.Health.Chart;
import nl.afsprakenwiki.health.Health.Row;
import nl.afsprakenwiki.health.Health.Series;
import nl.afsprakenwiki.web.Translations;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The charts alone: well-formed SVG with a title on every point and bar, a readable scale, gaps for missing values. */
class HealthSvgTest {

    @Test
    void twentyFourMonthsOfStatusesAreWellFormedSvgWithATitlePerPointAndFewEnoughLabels() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            rows.add(new Row(YearMonth.of(2025, 1).plusMonths(i).toString(), List.of(i % 3, 1, i, i / 5)));
        }
        Series series = new Series(Health.STATUS, Chart.LINES, "month", HealthService.STATUSES, HealthService.STATUSES, false, rows);
        Document svg = parse(HealthSvg.draw(series, new Translations().dutch(), "g"));
        Element root = svg.getDocumentElement();
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 600 300");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("g-title g-desc");
        NodeList points = root.getElementsByTagName("circle");
        assertThat(points.getLength()).isEqualTo(24 * 4);
        for (int i = 0; i < points.getLength(); i++) {
            assertThat(((Element) points.item(i)).getElementsByTagName("title").item(0).getTextContent()).isNotBlank();
        }
        // the month labels (at most six, the last month always) and five values on the scale
        assertThat(root.getElementsByTagName("text").getLength()).isEqualTo(6 + 5);
        assertThat(HealthSvg.draw(series, new Translations().dutch(), "g")).contains(">dec. 2026</text>");
    }

    @Test
    void aQuarterWithoutMedianHasNoBarAndTheScaleIsRound() throws Exception {
        List<Row> rows = List.of(new Row("2025-Q1", Arrays.asList(1, new BigDecimal("10.0"))),
                new Row("2025-Q2", Arrays.asList(0, null)), new Row("2025-Q3", Arrays.asList(2, new BigDecimal("37.5"))));
        Series series = new Series(Health.ENDORSEMENT_DAYS, Chart.BARS, "quarter", List.of("endorsements", "median_days"),
                List.of("median_days"), false, rows);
        String drawn = HealthSvg.draw(series, new Translations().of("en"), "b");
        Document svg = parse(drawn);
        assertThat(svg.getElementsByTagName("rect").getLength()).isEqualTo(1 + 2);
        assertThat(drawn).contains("<title>Median days, Q3 2025: 37.5</title>").contains(">40</text>");
        assertThat(HealthSvg.niceMax(3)).isEqualTo(4);
        assertThat(HealthSvg.niceMax(37.5)).isEqualTo(40);
        assertThat(HealthSvg.niceMax(130)).isEqualTo(200);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }
}
