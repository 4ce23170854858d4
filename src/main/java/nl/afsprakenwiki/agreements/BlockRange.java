package nl.afsprakenwiki.agreements;

/** A run of blocks [start, end) of one version of a text. */
record BlockRange(int start, int end) {
    boolean isEmpty() {
        return end <= start;
    }
}
