package nl.afsprakenwiki.bench;

import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The real URLs of a data set for {@link LoadMix}, read once from its database (read-only): published
 * agreements (in a shuffled order with a popularity skew: the first tenth draws almost half the views),
 * those with history, koppelzones, municipalities, organisations, themes, and a pool of agreements to
 * save on (concepts first, so that visitors see no change).
 */
final class MixUrls {

    private final long[] published;
    private final long[][] withHistory;
    private final List<String> koppelzones;
    private final List<String> municipalities;
    private final List<String> organisations;
    private final List<String> themes;
    private final long[] editable;

    private MixUrls(long[] published, long[][] withHistory, List<String> koppelzones, List<String> municipalities,
                    List<String> organisations, List<String> themes, long[] editable) {
        this.published = published;
        this.withHistory = withHistory;
        this.koppelzones = koppelzones;
        this.municipalities = municipalities;
        this.organisations = organisations;
        this.themes = themes;
        this.editable = editable;
    }

    static MixUrls read(Path db, SplittableRandom random) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement()) {
            long[] published = shuffle(longs(statement, "SELECT id FROM agreement WHERE endorsed_revision IS NOT NULL"
                    + " AND status <> 'vervallen' ORDER BY id"), random);
            List<long[]> history = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT id, endorsed_revision FROM agreement"
                    + " WHERE endorsed_revision >= 2 AND status <> 'vervallen' ORDER BY id")) {
                while (rows.next()) {
                    history.add(new long[] {rows.getLong(1), rows.getLong(2)});
                }
            }
            for (int i = history.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                long[] swap = history.get(i);
                history.set(i, history.get(j));
                history.set(j, swap);
            }
            long[] editable = longs(statement, "SELECT id FROM agreement WHERE status <> 'vervallen'"
                    + " ORDER BY (status = 'concept') DESC, id LIMIT 256");
            if (published.length == 0 || history.isEmpty() || editable.length == 0) {
                throw new IllegalStateException("the data set has no published agreements with history to load");
            }
            return new MixUrls(published, history.toArray(long[][]::new), strings(statement, "SELECT slug FROM koppelzone"),
                    strings(statement, "SELECT name FROM municipality"), strings(statement, "SELECT slug FROM organisation"),
                    strings(statement, "SELECT DISTINCT theme FROM agreement_theme"), editable);
        }
    }

    String describe() {
        return String.format("%,d published agreements (%,d with history), %,d koppelzones, %,d municipalities, "
                        + "%,d organisations, %,d themes, %,d agreements to save on", published.length, withHistory.length,
                koppelzones.size(), municipalities.size(), organisations.size(), themes.size(), editable.length);
    }

    /** A published agreement; index n·u³ of the shuffled list: a tenth of them get 46 % of the views. */
    long popular(SplittableRandom r) {
        return published[skewed(published.length, r)];
    }

    /** {id, endorsed revision} of a published agreement with at least two revisions, with the same skew. */
    long[] withHistory(SplittableRandom r) {
        return withHistory[skewed(withHistory.length, r)];
    }

    String koppelzone(SplittableRandom r) {
        return koppelzones.get(skewed(koppelzones.size(), r));
    }

    String municipality(SplittableRandom r) {
        return municipalities.get(r.nextInt(municipalities.size()));
    }

    String organisation(SplittableRandom r) {
        return organisations.get(r.nextInt(organisations.size()));
    }

    String theme(SplittableRandom r) {
        return themes.get(r.nextInt(themes.size()));
    }

    /** An agreement of this worker's share of the pool, so that two workers rarely edit the same one. */
    long editable(SplittableRandom r, int worker, int workers) {
        int share = Math.max(1, editable.length / workers);
        int offset = (worker * share) % editable.length;
        return editable[(offset + r.nextInt(share)) % editable.length];
    }

    private static int skewed(int size, SplittableRandom r) {
        double u = r.nextDouble();
        return Math.min(size - 1, (int) (size * u * u * u));
    }

    private static long[] longs(Statement statement, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                out.add(rows.getLong(1));
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static List<String> strings(Statement statement, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                out.add(rows.getString(1));
            }
        }
        return List.copyOf(out);
    }

    private static long[] shuffle(long[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }
}
