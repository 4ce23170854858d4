package nl.afsprakenwiki.adoption;

import io.javalin.http.Context;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.Texts;
import nl.afsprakenwiki.web.Views;

import java.util.List;
import java.util.Map;

/** The national page "what spreads" ({@code /landelijk}) and the same numbers as JSON ({@code /api/v1/spread}). */
public final class SpreadPages {

    private final Spread spread;
    private final Views views;

    public SpreadPages(Spread spread, Views views) {
        this.spread = spread;
        this.views = views;
    }

    /** The view of the national page: the picture, and the region drawing made in the reader's language. */
    public record SpreadPage(Spread.Picture picture) {
        /** The tiles three abreast for wide screens. */
        public String wideMap(Texts texts, String titleId) {
            return SpreadMap.draw(picture.regions(), 3, "wide", texts, titleId);
        }

        /** The tiles one under another for phones (the style sheet shows one of the two). */
        public String narrowMap(Texts texts, String titleId) {
            return SpreadMap.draw(picture.regions(), 1, "narrow", texts, titleId);
        }

        /** The search for agreements of the theme. */
        public static String themeHref(String theme) {
            return "/zoeken?thema=" + java.net.URLEncoder.encode(theme, java.nio.charset.StandardCharsets.UTF_8);
        }

        public String regionName(Spread.Region region, Texts texts) {
            return SpreadMap.regionName(region, texts);
        }
    }

    public void page(Context ctx) {
        views.render(ctx, "adoption/spread.jte", new SpreadPage(spread.picture()));
    }

    public void api(Context ctx) {
        Spread.Picture picture = spread.picture();
        List<Map<String, Object>> adopted = picture.mostAdopted().stream().map(a -> Json.object("id", a.id(),
                "title", a.title(), "municipality", a.municipality(), "koppelzone", a.koppelzoneSlug(),
                "adoptions", a.adoptions(), "municipalities", a.municipalities())).toList();
        List<Map<String, Object>> themes = picture.themes().stream().map(t -> Json.object("theme", t.theme(),
                "adoptions", t.adoptions(), "municipalities", t.municipalities())).toList();
        List<Map<String, Object>> regions = picture.regions().stream().map(r -> Json.object(
                "jeugdregio", r.name().isEmpty() ? null : r.name(), "agreements", r.agreements(), "taken", r.taken(),
                "given", r.given(), "koppelzones", r.koppelzones().stream().map(z -> Json.object("slug", z.slug(),
                        "name", z.name(), "municipality", z.municipality(), "agreements", z.agreements(), "taken", z.taken(),
                        "given", z.given())).toList())).toList();
        ctx.json(Json.object("agreements", picture.agreements(), "adoptions", picture.adoptions(), "mostAdopted", adopted,
                "themes", themes, "regions", regions));
    }
}
