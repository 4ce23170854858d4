package nl.afsprakenwiki.adoption;

import nl.afsprakenwiki.adoption.Lineage.Member;
import nl.afsprakenwiki.text.Markup;
import nl.afsprakenwiki.web.Texts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a family as a tree in plain inline SVG (no JavaScript, no library): the oldest visible
 * source at the top, its adoptions one row below, adoptions of adoptions below those. Each node
 * names the municipality, the koppelzone and the day of adoption, and says whether it took the
 * source's last endorsed update (solid green edge, a tick) or lags behind (dashed orange edge and
 * border, an exclamation mark): never colour alone. The agreement asked about has a thick blue
 * border. Every node and edge has a {@code <title>}; the table below the drawing says the same.
 */
public final class FamilyTree {

    static final String IN_SYNC = "#1a7f37";
    static final String BEHIND = "#b35900";
    static final String HERE = "#0b57a4";
    private static final int NODE_WIDTH = 250;
    private static final int NODE_HEIGHT = 78;
    private static final int COLUMN = 270;
    private static final int ROW = 120;
    private static final int MARGIN = 10;
    private static final int MAX_LABEL = 34;

    private FamilyTree() {
    }

    /** A member with its place in the drawing and its source in the tree (null for the top). */
    private record Node(Member member, Node parent, double x, double y) {
    }

    /**
     * The {@code <svg>} of the tree of {@code top} and its {@code descendants} (depth first, as
     * {@link Lineage.Family#descendants()} lists them); {@code here} is the agreement asked about.
     */
    public static String draw(Member top, List<Member> descendants, long here, Texts texts, String titleId) {
        List<Node> nodes = layout(top, descendants);
        double right = nodes.stream().mapToDouble(Node::x).max().orElse(0);
        double bottom = nodes.stream().mapToDouble(Node::y).max().orElse(0);
        int width = (int) right + NODE_WIDTH + 2 * MARGIN;
        int height = (int) bottom + NODE_HEIGHT + 2 * MARGIN;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"family-drawing\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"group\" aria-labelledby=\"").append(Markup.escape(titleId)).append("\">");
        svg.append("<title id=\"").append(Markup.escape(titleId)).append("\">")
                .append(Markup.escape(texts.get("family.svg.title", nodes.size()))).append("</title>");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>");
        for (Node node : nodes) {
            if (node.parent() != null) {
                edge(svg, node, texts);
            }
        }
        for (Node node : nodes) {
            node(svg, node, node.member().agreement().id() == here, texts);
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Leaves take the next column from left to right; a source stands centred above its adopters.
     * The list is depth first, so a member's source is the closest earlier member one level up.
     */
    private static List<Node> layout(Member top, List<Member> descendants) {
        List<Member> all = new ArrayList<>();
        all.add(top);
        all.addAll(descendants);
        int topDepth = top.depth();
        Map<Integer, Integer> parentOf = new HashMap<>();
        Map<Integer, List<Integer>> children = new HashMap<>();
        for (int i = 1; i < all.size(); i++) {
            int parent = 0;
            for (int j = i - 1; j >= 0; j--) {
                if (all.get(j).depth() == all.get(i).depth() - 1) {
                    parent = j;
                    break;
                }
            }
            parentOf.put(i, parent);
            children.computeIfAbsent(parent, p -> new ArrayList<>()).add(i);
        }
        double[] column = new double[all.size()];
        int[] next = {0};
        place(0, children, column, next);
        Node[] nodes = new Node[all.size()];
        for (int i = 0; i < all.size(); i++) {
            Member member = all.get(i);
            nodes[i] = new Node(member, i == 0 ? null : nodes[parentOf.get(i)], MARGIN + column[i] * COLUMN,
                    MARGIN + (member.depth() - topDepth) * ROW);
        }
        return List.of(nodes);
    }

    private static void place(int index, Map<Integer, List<Integer>> children, double[] column, int[] next) {
        List<Integer> below = children.getOrDefault(index, List.of());
        if (below.isEmpty()) {
            column[index] = next[0]++;
            return;
        }
        for (int child : below) {
            place(child, children, column, next);
        }
        column[index] = (column[below.get(0)] + column[below.get(below.size() - 1)]) / 2;
    }

    private static void edge(StringBuilder svg, Node node, Texts texts) {
        Member member = node.member();
        String title = texts.get("family.svg.edge", place(node.parent().member()), place(member),
                texts.get(member.inSync() ? "family.svg.inSync" : "family.svg.behind"));
        double x1 = node.parent().x() + NODE_WIDTH / 2.0;
        double y1 = node.parent().y() + NODE_HEIGHT;
        double x2 = node.x() + NODE_WIDTH / 2.0;
        double y2 = node.y();
        double middle = (y1 + y2) / 2;
        svg.append("<g class=\"family-edge ").append(member.inSync() ? "in-sync" : "behind").append("\"><title>")
                .append(Markup.escape(title)).append("</title><path d=\"M").append(Markup.number(x1)).append(' ').append(Markup.number(y1))
                .append(" C").append(Markup.number(x1)).append(' ').append(Markup.number(middle)).append(' ').append(Markup.number(x2)).append(' ')
                .append(Markup.number(middle)).append(' ').append(Markup.number(x2)).append(' ').append(Markup.number(y2 - 6))
                .append("\" fill=\"none\" stroke=\"").append(member.inSync() ? IN_SYNC : BEHIND).append("\" stroke-width=\"")
                .append(member.inSync() ? 3 : 2).append('"').append(member.inSync() ? "" : " stroke-dasharray=\"8 5\"")
                .append("/><path d=\"M").append(Markup.number(x2 - 6)).append(' ').append(Markup.number(y2 - 10)).append(" L")
                .append(Markup.number(x2)).append(' ').append(Markup.number(y2 - 1)).append(" L").append(Markup.number(x2 + 6)).append(' ')
                .append(Markup.number(y2 - 10)).append(" Z\" fill=\"").append(member.inSync() ? IN_SYNC : BEHIND).append("\"/></g>");
    }

    private static void node(StringBuilder svg, Node node, boolean here, Texts texts) {
        Member member = node.member();
        var agreement = member.agreement();
        boolean adopted = member.adoptedAt() != null;
        String state = !adopted ? texts.get("family.origin")
                : texts.get(member.inSync() ? "family.svg.inSync" : "family.svg.behind");
        String dated = adopted ? texts.get("family.svg.adoptedOn", texts.day(member.adoptedAt())) : texts.get("family.origin");
        String title = member.title() + " — " + place(member) + ". " + dated
                + (adopted ? ". " + state : "") + (here ? ". " + texts.get("family.this") : "");
        String cssClass = "family-node" + (here ? " here" : "") + (!adopted ? " origin" : member.inSync() ? " in-sync" : " behind");
        if (here) {
            svg.append("<g class=\"").append(cssClass).append("\" aria-current=\"page\"><title>")
                    .append(Markup.escape(title)).append("</title>");
        } else {
            svg.append("<a href=\"/afspraken/").append(agreement.id()).append("\" class=\"").append(cssClass)
                    .append("\" aria-label=\"").append(Markup.escape(title)).append("\"><title>").append(Markup.escape(title))
                    .append("</title>");
        }
        String border = here ? HERE : !adopted ? "#1f2328" : member.inSync() ? IN_SYNC : BEHIND;
        svg.append("<rect x=\"").append(Markup.number(node.x())).append("\" y=\"").append(Markup.number(node.y())).append("\" width=\"")
                .append(NODE_WIDTH).append("\" height=\"").append(NODE_HEIGHT).append("\" rx=\"6\" fill=\"")
                .append(here ? "#e8f1fb" : "#ffffff").append("\" stroke=\"").append(border).append("\" stroke-width=\"")
                .append(here ? 4 : 2).append('"').append(adopted && !member.inSync() && !here ? " stroke-dasharray=\"6 4\"" : "")
                .append("/>");
        double x = node.x() + 10;
        text(svg, x, node.y() + 20, 14, "700", agreement.koppelzone().municipality().name());
        text(svg, x, node.y() + 38, 12, "400", agreement.koppelzone().name());
        text(svg, x, node.y() + 55, 12, "400", dated);
        if (adopted) {
            String mark = member.inSync() ? "✓ " : "! ";
            svg.append("<text x=\"").append(Markup.number(x)).append("\" y=\"").append(Markup.number(node.y() + 71))
                    .append("\" font-size=\"12\" font-weight=\"700\" fill=\"").append(member.inSync() ? IN_SYNC : BEHIND)
                    .append("\">").append(Markup.escape(label(mark + texts.get(member.inSync() ? "lineage.inSync" : "family.svg.behind"))))
                    .append("</text>");
        } else if (here) {
            text(svg, x, node.y() + 71, 12, "700", texts.get("family.this"));
        }
        svg.append(here ? "</g>" : "</a>");
    }

    private static void text(StringBuilder svg, double x, double y, int size, String weight, String value) {
        svg.append("<text x=\"").append(Markup.number(x)).append("\" y=\"").append(Markup.number(y)).append("\" font-size=\"").append(size)
                .append("\" font-weight=\"").append(weight).append("\" fill=\"#1f2328\">").append(Markup.escape(label(value)))
                .append("</text>");
    }

    private static String place(Member member) {
        var koppelzone = member.agreement().koppelzone();
        return koppelzone.municipality().name() + " (" + koppelzone.name() + ")";
    }

    private static String label(String value) {
        return value.length() <= MAX_LABEL ? value : value.substring(0, MAX_LABEL - 1).strip() + "…";
    }

}
