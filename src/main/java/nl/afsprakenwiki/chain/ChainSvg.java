package nl.afsprakenwiki.chain;

import nl.afsprakenwiki.chain.Chain.ChainParty;
import nl.afsprakenwiki.chain.Chain.Pair;
import nl.afsprakenwiki.text.Markup;
import nl.afsprakenwiki.web.Texts;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Draws a {@link Chain} as plain inline SVG (no JavaScript, no library): the parties on a ring,
 * grouped by kind with a gap between groups, labels outside the ring; one link per pair to its row
 * in the table below. Every element that carries meaning has a {@code <title>}; lines differ in
 * colour, width and dash pattern, never in colour alone.
 */
public final class ChainSvg {

    static final String LEAK_COLOUR = "#b3121b";
    static final String LEAK_DASH = "10 6";
    static final String MISSING_COLOUR = "#7a3e9d";
    static final String MISSING_DASH = "2 6";
    private static final int LABEL_ROOM = 250;
    private static final int MAX_LABEL = 32;
    /** From this many places on the ring (parties plus a gap per kind) on, labels are drawn along their ray. */
    private static final int RADIAL_FROM = 14;

    private ChainSvg() {
    }

    /** The {@code <svg>} element of the chain; {@code titleId} names its title for aria-labelledby. */
    public static String draw(Chain chain, Texts texts, String titleId) {
        List<ChainParty> parties = chain.parties();
        int radius = Math.max(140, Math.min(220, 20 * parties.size()));
        // beyond a dozen or so parties horizontal labels near the top and bottom would overlap: they turn along their ray
        boolean radial = slots(chain) > RADIAL_FROM;
        int width = 2 * (radius + 20 + LABEL_ROOM);
        int height = radial ? width : 2 * radius + 80;
        double cx = width / 2.0;
        double cy = height / 2.0;
        Map<Long, double[]> at = positions(chain, cx, cy, radius);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chain-drawing\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" role=\"group\" aria-labelledby=\"")
                .append(Markup.escape(titleId)).append("\">");
        svg.append("<title id=\"").append(Markup.escape(titleId)).append("\">")
                .append(Markup.escape(texts.get("chain.svg.title", chain.koppelzone().name()))).append("</title>");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>");
        for (Pair pair : chain.pairs()) {
            line(svg, pair, at, texts);
        }
        for (ChainParty party : parties) {
            node(svg, party, at.get(party.organisation().id()), cx, radial, texts);
        }
        return svg.append("</svg>").toString();
    }

    /** A short sample of a line style for the legend (decorative: the legend's text says what it means). */
    public static String swatch(String style) {
        String line = switch (style) {
            case "leak" -> stroke(LEAK_COLOUR, 3, LEAK_DASH);
            case "missing" -> stroke(MISSING_COLOUR, 4, MISSING_DASH);
            default -> {
                LinkStatus status = LinkStatus.valueOf(style.toUpperCase(Locale.ROOT));
                yield stroke(status.colour(), status.width(), null);
            }
        };
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chain-swatch\" width=\"48\" height=\"14\" viewBox=\"0 0 48 14\""
                + " aria-hidden=\"true\" focusable=\"false\"><line x1=\"2\" y1=\"7\" x2=\"46\" y2=\"7\" " + line + "/></svg>";
    }

    private static Map<Long, double[]> positions(Chain chain, double cx, double cy, int radius) {
        // one empty slot between kinds, so the groups read as groups around the ring
        int slots = slots(chain);
        Map<Long, double[]> at = new HashMap<>();
        int slot = 0;
        for (Chain.KindGroup group : chain.groups()) {
            for (ChainParty party : group.parties()) {
                double angle = -Math.PI / 2 + 2 * Math.PI * slot / Math.max(1, slots);
                at.put(party.organisation().id(), new double[]{cx + radius * Math.cos(angle), cy + radius * Math.sin(angle), angle});
                slot++;
            }
            slot++;
        }
        return at;
    }

    /** Places on the ring: every party, and one empty place after each kind. */
    private static int slots(Chain chain) {
        return chain.parties().size() + chain.groups().size();
    }

    private static void line(StringBuilder svg, Pair pair, Map<Long, double[]> at, Texts texts) {
        double[] a = at.get(pair.a().organisation().id());
        double[] b = at.get(pair.b().organisation().id());
        String name = pairName(pair, texts);
        svg.append("<a href=\"#").append(Markup.escape(pair.anchor())).append("\" aria-label=\"").append(Markup.escape(name))
                .append("\" class=\"chain-pair\"><title>").append(Markup.escape(name)).append("</title>");
        LinkStatus strongest = pair.strongest();
        boolean leaks = !pair.openLeaks().isEmpty();
        // a wide transparent stroke makes a thin line easy to click or tap
        segment(svg, a, b, 0, "stroke=\"#ffffff\" stroke-opacity=\"0\" stroke-width=\"14\"", "chain-hit");
        if (strongest != null) {
            segment(svg, a, b, leaks ? -3 : 0, stroke(strongest.colour(), strongest.width(), null),
                    "chain-line status-" + strongest.code());
        } else if (pair.missing()) {
            segment(svg, a, b, leaks ? -3 : 0, stroke(MISSING_COLOUR, 4, MISSING_DASH) + " stroke-linecap=\"round\"",
                    "chain-line missing");
        }
        if (leaks) {
            segment(svg, a, b, 3, stroke(LEAK_COLOUR, 3, LEAK_DASH), "chain-line leak");
        }
        svg.append("</a>");
    }

    /** The pair's accessible name: who, and what connects them. */
    static String pairName(Pair pair, Texts texts) {
        StringBuilder name = new StringBuilder(texts.get("chain.pair", pair.a().name(), pair.b().name())).append(": ");
        if (pair.agreements().isEmpty()) {
            name.append(texts.get("chain.noAgreement"));
        } else {
            name.append(pair.agreements().stream()
                    .map(agreement -> agreement.title() + " (" + texts.get(agreement.status().textKey()) + ")")
                    .collect(Collectors.joining("; ")));
        }
        if (!pair.openLeaks().isEmpty()) {
            name.append(". ").append(texts.get("chain.leakCount", pair.openLeaks().size()));
        }
        if (!pair.solvedLeaks().isEmpty()) {
            name.append(". ").append(texts.get("chain.solvedCount", pair.solvedLeaks().size()));
        }
        if (pair.missing()) {
            name.append(". ").append(texts.get("chain.missing"));
        }
        return name.toString();
    }

    private static void segment(StringBuilder svg, double[] a, double[] b, double offset, String style, String cssClass) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double length = Math.max(1, Math.hypot(dx, dy));
        double ox = -dy / length * offset;
        double oy = dx / length * offset;
        svg.append("<line class=\"").append(cssClass).append("\" x1=\"").append(Markup.number(a[0] + ox)).append("\" y1=\"")
                .append(Markup.number(a[1] + oy)).append("\" x2=\"").append(Markup.number(b[0] + ox)).append("\" y2=\"")
                .append(Markup.number(b[1] + oy)).append("\" ").append(style).append("/>");
    }

    private static void node(StringBuilder svg, ChainParty party, double[] at, double cx, boolean radial, Texts texts) {
        String kind = texts.get(party.organisation().kind().textKey());
        String title = party.name() + " (" + kind + (party.chair() ? ", " + texts.get("chain.chair") : "") + ")";
        double angle = at[2];
        // outside the ring: above a node at the top, below one at the bottom, beside one at the sides
        double lx = at[0] + 16 * Math.cos(angle);
        double ly = at[1] + 16 * Math.sin(angle) + 5 + 6 * Math.sin(angle);
        boolean left = at[0] < cx - 1;
        boolean centre = Math.abs(at[0] - cx) <= 40;
        svg.append("<g class=\"chain-party\"><title>").append(Markup.escape(title)).append("</title>");
        svg.append("<circle cx=\"").append(Markup.number(at[0])).append("\" cy=\"").append(Markup.number(at[1])).append("\" r=\"")
                .append(party.chair() ? 10 : 8).append("\" fill=\"#ffffff\" stroke=\"#1f2328\" stroke-width=\"")
                .append(party.chair() ? 4 : 2).append("\"/>");
        if (radial) {
            // along the ray, read left to right on both halves of the ring
            lx = at[0] + 16 * Math.cos(angle);
            ly = at[1] + 16 * Math.sin(angle) + 5;
            double degrees = Math.toDegrees(angle) + (left ? 180 : 0);
            svg.append("<text transform=\"rotate(").append(Markup.number(degrees)).append(' ').append(Markup.number(lx)).append(' ')
                    .append(Markup.number(ly - 5)).append(")\"");
            centre = false;
        } else {
            svg.append("<text");
        }
        svg.append(" x=\"").append(Markup.number(lx)).append("\" y=\"").append(Markup.number(ly)).append("\" text-anchor=\"")
                .append(centre ? "middle" : left ? "end" : "start")
                .append("\" font-size=\"14\" fill=\"#1f2328\">").append(Markup.escape(label(party.name()))).append("</text></g>");
    }

    private static String label(String name) {
        return name.length() <= MAX_LABEL ? name : name.substring(0, MAX_LABEL - 1).strip() + "…";
    }

    private static String stroke(String colour, int width, String dash) {
        return "stroke=\"" + colour + "\" stroke-width=\"" + width + "\"" + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"");
    }

}
