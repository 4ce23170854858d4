package nl.afsprakenwiki.adoption;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo (serve --demo) shows a family over generations and something on the national page (issue 18). */
class DemoFamilyTest {

    @TempDir
    Path dir;
    private TestApp app;

    @BeforeEach
    void start() {
        app = TestApp.startWithDemo(dir);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private long id(String koppelzone, String title) {
        for (JsonNode item : app.get("/api/v1/agreements?koppelzone=" + koppelzone).json().get("items")) {
            if (item.get("title").asText().equals(title)) {
                return item.get("id").asLong();
            }
        }
        throw new AssertionError("no " + title + " in " + koppelzone);
    }

    @Test
    void aVisitorSeesAFamilyOfThreeGenerationsWithALaggingAdopter() {
        long utrecht = id("koppelzone-jeugd-utrecht", "Warme overdracht van aanbieder naar buurtteam bij afschaling");
        long tilburg = id("koppelzone-jeugd-tilburg", "Warme overdracht bij afschaling naar het wijkteam");
        long zaanstad = id("koppelzone-jeugd-zaanstad", "Afschalen van het complex segment naar het jeugdteam");

        JsonNode lineage = app.get("/api/v1/agreements/" + zaanstad + "/lineage").json();
        assertThat(lineage.toString()).contains("\"id\":" + tilburg).contains("\"id\":" + utrecht);
        assertThat(lineage.get("self").get("inSync").asBoolean()).as("Zaanstad took Tilburg's first version").isFalse();

        String page = app.get("/afspraken/" + zaanstad + "/familie").body();
        assertThat(page).contains("class=\"family-node origin\"").contains("overname, generatie 2")
                .contains("class=\"family-node here behind\"");
        String tilburgNode = page.substring(page.indexOf("<a href=\"/afspraken/" + tilburg + "\""));
        assertThat(tilburgNode.substring(0, tilburgNode.indexOf("</a>"))).contains("in-sync");

        JsonNode spread = app.get("/api/v1/spread").json();
        assertThat(spread.get("mostAdopted").get(0).get("id").asLong()).isEqualTo(tilburg);
        assertThat(spread.get("regions").size()).isGreaterThan(3);
    }
}
