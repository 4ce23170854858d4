package nl.afsprakenwiki.web;

/** Page numbers from query parameters ("?pagina=3"): anything that is not a number is page 1. */
public final class Paging {

    private Paging() {
    }

    /** The page asked for, at least 1. */
    public static int pageNumber(String value) {
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
