package nl.afsprakenwiki.bench;

import nl.afsprakenwiki.Services;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.search.SimilarAgreements;
import nl.afsprakenwiki.text.Progress;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * The "Vergelijkbare afspraken" panel's first views, in process: for N published agreements (a fixed
 * sample), each asked once as a visitor - so every answer is computed, none kept - the CPU time per
 * answer and a digest of all answers, so two versions of the code can be compared for speed and for
 * giving the same lists.
 *
 * <pre>SimilarProbe --data DATA_DIR [--count N] [--beheerder | --member] [--checked W]</pre>
 *
 * <p>{@code --beheerder} asks as a beheerder (who may read drafts): searched in the index of current
 * texts, not the public one. {@code --member} asks as a praktijkexpert of the koppelzones with ids 1
 * and 2: their current texts and everyone else's published ones.
 *
 * <p>{@code --checked W} (with {@code --beheerder} or {@code --member}): the answers are found once,
 * then W other agreements get a saved draft (their text with a sentence added, through the wiki's
 * write path), and what is measured is asking again: each kept answer checked against the W
 * agreements written since, or searched again where one of them could change it. Use a copy of the
 * data directory: the drafts are saved in it.
 */
public final class SimilarProbe {

    public static void main(String[] args) throws Exception {
        Path dataDir = null;
        int count = 2_000;
        Viewer viewer = Viewer.ANONYMOUS;
        int written = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> dataDir = Path.of(args[++i]);
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--beheerder" -> viewer = nl.afsprakenwiki.testing.TestApp.BEHEERDER;
                case "--member" -> viewer = new Viewer(1L, "probe", "Probe", null, false,
                        java.util.Map.of(1L, nl.afsprakenwiki.access.Role.PRAKTIJKEXPERT,
                                2L, nl.afsprakenwiki.access.Role.PRAKTIJKEXPERT), Viewer.Via.SESSION);
                case "--checked" -> written = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        try (Database db = Database.open(dataDir)) {
            Services services = Services.create(Settings.forTests(dataDir), db, Clock.systemUTC());
            services.search().index().catchUp(Progress.NONE);
            int n = count;
            List<long[]> sample = db.read(handle -> handle.createQuery("""
                            SELECT id, koppelzone_id FROM agreement WHERE endorsed_revision IS NOT NULL
                            ORDER BY (id * 2654435761) % 1000003 LIMIT :n""").bind("n", n)
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).list());
            SimilarAgreements similar = services.search().service().similar();
            Viewer who = viewer;
            // warm-up on other agreements (the JIT), not counted
            List<long[]> warm = db.read(handle -> handle.createQuery("""
                            SELECT id, koppelzone_id FROM agreement WHERE endorsed_revision IS NOT NULL
                            ORDER BY (id * 40503) % 1000033 LIMIT 1500""")
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).list());
            for (long[] agreement : warm) {
                similar.like(agreement[0], agreement[1], who);
            }
            if (written > 0) {
                for (long[] agreement : sample) {
                    similar.like(agreement[0], agreement[1], who);
                }
                saveDrafts(services, db, written);
                // the checks' code warmed up too
                for (long[] agreement : warm) {
                    similar.like(agreement[0], agreement[1], who);
                }
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Double> cpu = new ArrayList<>();
            com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) threads;
            long allocated = allocation.getCurrentThreadAllocatedBytes();
            int found = 0;
            for (long[] agreement : sample) {
                long c = threads.getCurrentThreadCpuTime();
                List<SimilarAgreements.Similar> list = similar.like(agreement[0], agreement[1], who);
                cpu.add((threads.getCurrentThreadCpuTime() - c) / 1e6);
                found += list.size();
                digest.update((agreement[0] + ":" + list.stream().map(s -> Long.toString(s.id())).toList() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            allocated = allocation.getCurrentThreadAllocatedBytes() - allocated;
            Collections.sort(cpu);
            double mean = cpu.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            String after = written > 0 ? "after " + written + " saved drafts, " : "";
            System.out.printf(after + "%d agreements, %d similar shown; CPU per answer: mean %.2f ms, p50 %.2f, p90 %.2f, p99 %.2f; "
                            + "%.0f KB allocated per answer; answers %s%n", sample.size(), found, mean, cpu.get(cpu.size() / 2),
                    cpu.get(cpu.size() * 9 / 10), cpu.get(cpu.size() * 99 / 100), allocated / 1024.0 / sample.size(),
                    HexFormat.of().formatHex(digest.digest()).substring(0, 16));
        }
    }

    /**
     * Saves a draft of {@code count} agreements, drawn in another order than the samples (a few may be
     * in them: their own answers are then searched again, as the wiki would): their text with a sentence added.
     */
    private static void saveDrafts(Services services, Database db, int count) {
        List<Long> ids = db.read(handle -> handle.createQuery("""
                        SELECT id FROM agreement WHERE endorsed_revision IS NOT NULL
                        ORDER BY (id * 97) % 1000039 LIMIT :n""").bind("n", count).mapTo(Long.class).list());
        Viewer beheerder = nl.afsprakenwiki.testing.TestApp.BEHEERDER;
        for (long id : ids) {
            int base = services.agreements().find(id, beheerder).orElseThrow().currentRevision();
            var version = services.agreements().version(id, base, beheerder).orElseThrow();
            services.editing().save(id, new nl.afsprakenwiki.agreements.AgreementInput.Edit(
                    base, version.revision().title(),
                    version.revision().body() + "\n\nBijgewerkt: het wijkteam belt voortaan binnen een werkdag.",
                    "probe", null, null), nl.afsprakenwiki.access.Author.system("probe"));
        }
        if (!services.search().index().awaitCurrent(java.time.Duration.ofMinutes(5))) {
            throw new IllegalStateException("the search index did not catch up");
        }
        System.out.printf("%d drafts saved%n", ids.size());
    }
}
