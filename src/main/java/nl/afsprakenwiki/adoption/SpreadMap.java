package nl.afsprakenwiki.adoption;

import nl.afsprakenwiki.adoption.Spread.Region;
import nl.afsprakenwiki.adoption.Spread.Zone;
import nl.afsprakenwiki.text.Markup;
import nl.afsprakenwiki.web.Texts;

import java.util.List;
import java.util.Locale;

/**
 * Draws the jeugdregio's as a tile map in plain inline SVG (no map tiles, no JavaScript): one tile
 * per jeugdregio in a grid, its koppelzones listed inside with their public agreements and the
 * adoptions taken and given. A tile is tinted by how much its region adopts and gives (taken plus
 * given), and says the numbers in words too, never colour alone. Every tile and koppelzone has a
 * {@code <title>}; the table below the drawing says the same.
 */
public final class SpreadMap {

    private static final int TILE_WIDTH = 320;
    private static final int GAP = 12;
    private static final int HEADER = 50;
    private static final int ZONE = 40;
    private static final int MAX_LABEL = 36;
    /** From no adoptions (white-ish) to the most of any region (a clear blue). */
    private static final int[] LIGHT = {0xf6, 0xf8, 0xfa};
    private static final int[] DARK = {0xb6, 0xd4, 0xf2};

    private SpreadMap() {
    }

    /**
     * The {@code <svg>} of the regions in {@code columns} columns (the page draws three for wide screens
     * and one for phones, and shows one of them); {@code titleId} names its title for aria-labelledby.
     */
    public static String draw(List<Region> regions, int columns, String cssClass, Texts texts, String titleId) {
        columns = Math.max(1, Math.min(columns, regions.size()));
        int rows = (regions.size() + columns - 1) / columns;
        int[] rowHeight = new int[Math.max(1, rows)];
        for (int i = 0; i < regions.size(); i++) {
            rowHeight[i / columns] = Math.max(rowHeight[i / columns], HEADER + ZONE * regions.get(i).koppelzones().size() + 8);
        }
        int width = columns * TILE_WIDTH + (columns + 1) * GAP;
        int height = GAP;
        for (int h : rowHeight) {
            height += h + GAP;
        }
        int most = regions.stream().mapToInt(region -> region.taken() + region.given()).max().orElse(0);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"spread-map ").append(cssClass).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"group\" aria-labelledby=\"").append(Markup.escape(titleId)).append("\">");
        svg.append("<title id=\"").append(Markup.escape(titleId)).append("\">")
                .append(Markup.escape(texts.get("spread.map.title", regions.size()))).append("</title>");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>");
        int y = GAP;
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                int index = row * columns + column;
                if (index < regions.size()) {
                    tile(svg, regions.get(index), GAP + column * (TILE_WIDTH + GAP), y, rowHeight[row], most, texts);
                }
            }
            y += rowHeight[row] + GAP;
        }
        return svg.append("</svg>").toString();
    }

    /** The region's name as the page shows it. */
    public static String regionName(Region region, Texts texts) {
        return region.name().isEmpty() ? texts.get("spread.noRegion") : region.name();
    }

    private static void tile(StringBuilder svg, Region region, int x, int y, int height, int most, Texts texts) {
        String name = regionName(region, texts);
        String counts = texts.get("spread.counts", region.agreements(), region.taken(), region.given());
        svg.append("<g class=\"spread-region\"><title>").append(Markup.escape(name + ": " + counts)).append("</title>");
        svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(TILE_WIDTH)
                .append("\" height=\"").append(height).append("\" rx=\"8\" fill=\"")
                .append(tint(most == 0 ? 0 : (double) (region.taken() + region.given()) / most))
                .append("\" stroke=\"#57606a\" stroke-width=\"1\"/>");
        text(svg, x + 12, y + 22, 15, "700", label(name));
        text(svg, x + 12, y + 40, 12, "400", counts);
        int zoneY = y + HEADER;
        for (Zone zone : region.koppelzones()) {
            String zoneCounts = texts.get("spread.counts", zone.agreements(), zone.taken(), zone.given());
            String title = zone.municipality() + " · " + zone.name() + ": " + zoneCounts;
            svg.append("<a href=\"/koppelzones/").append(Markup.escape(zone.slug())).append("\" class=\"spread-zone\" aria-label=\"")
                    .append(Markup.escape(title)).append("\"><title>").append(Markup.escape(title)).append("</title>");
            svg.append("<rect x=\"").append(x + 8).append("\" y=\"").append(zoneY).append("\" width=\"").append(TILE_WIDTH - 16)
                    .append("\" height=\"").append(ZONE - 4).append("\" rx=\"4\" fill=\"#ffffff\" stroke=\"#8c959f\"/>");
            text(svg, x + 16, zoneY + 15, 12, "700", label(zone.municipality() + " · " + zone.name()));
            text(svg, x + 16, zoneY + 30, 12, "400", zoneCounts);
            svg.append("</a>");
            zoneY += ZONE;
        }
        svg.append("</g>");
    }

    private static String tint(double share) {
        StringBuilder colour = new StringBuilder("#");
        for (int i = 0; i < 3; i++) {
            colour.append(String.format(Locale.ROOT, "%02x", (int) Math.round(LIGHT[i] + (DARK[i] - LIGHT[i]) * share)));
        }
        return colour.toString();
    }

    private static void text(StringBuilder svg, int x, int y, int size, String weight, String value) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"").append(size)
                .append("\" font-weight=\"").append(weight).append("\" fill=\"#1f2328\">").append(Markup.escape(value))
                .append("</text>");
    }

    private static String label(String value) {
        return value.length() <= MAX_LABEL ? value : value.substring(0, MAX_LABEL - 1).strip() + "…";
    }
}
