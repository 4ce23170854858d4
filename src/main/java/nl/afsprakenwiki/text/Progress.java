package nl.afsprakenwiki.text;

import java.io.PrintStream;

/** Reports how far a long-running command is. */
@FunctionalInterface
public interface Progress {

    void step(String phase, int done, int total);

    Progress NONE = (phase, done, total) -> { };

    /**
     * Progress on a stream (standard error): a line per tenth of the work and at the end of each
     * phase, so it reads well both in a terminal and in a log.
     */
    static Progress to(PrintStream out) {
        return new Progress() {
            private String lastPhase;
            private int lastTenth = -1;

            @Override
            public void step(String phase, int done, int total) {
                if (!phase.equals(lastPhase)) {
                    lastPhase = phase;
                    lastTenth = -1;
                }
                int tenth = total == 0 ? 10 : done * 10 / total;
                if (tenth != lastTenth || done == total) {
                    if (tenth != lastTenth) {
                        out.printf("%s: %d/%d (%d%%)%n", phase, done, total, total == 0 ? 100 : done * 100 / total);
                    }
                    lastTenth = tenth;
                }
            }
        };
    }
}
