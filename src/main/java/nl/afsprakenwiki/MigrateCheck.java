package nl.afsprakenwiki;

import nl.afsprakenwiki.agreements.Attachment;
import nl.afsprakenwiki.agreements.RevisionContent;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.TableCopy;
import nl.afsprakenwiki.text.Hashes;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The {@code migrate} command's check of the copy it committed, on fresh connections: every table has
 * as many rows as in SQLite; every revision has the SHA-256 it had there, and it is the SHA-256 the
 * wiki computes from the copied text and files ({@link RevisionContent}) - endorsements bind to it; and
 * every stored file's content hashes to its key. Any difference fails the command, naming it.
 */
final class MigrateCheck {

    /** What was checked: tables, their rows, revisions and files. */
    record Checked(int tables, long rows, int revisions, int files) {
    }

    private static final int SHOWN = 10;

    private MigrateCheck() {
    }

    /** Checks {@code tables} of {@code source} against {@code target}, and the {@code files} copied. */
    static Checked verify(Database source, Connection target, List<String> tables, int files) throws SQLException {
        target.setAutoCommit(false);
        target.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        List<String> differences = new ArrayList<>();
        Checked checked = source.read(handle -> {
            try {
                return check(handle.getConnection(), target, tables, files, differences);
            } catch (SQLException e) {
                throw new MigrateCommand.Failed(e);
            }
        });
        target.rollback();
        if (!differences.isEmpty()) {
            throw new CommandFailed("de controle vond " + differences.size() + " verschil(len) tussen SQLite en PostgreSQL: "
                    + String.join("; ", differences.subList(0, Math.min(SHOWN, differences.size())))
                    + (differences.size() > SHOWN ? "; en " + (differences.size() - SHOWN) + " meer" : "")
                    + ". De kopie is vastgelegd, maar gebruik haar niet: maak de database opnieuw aan en meld dit");
        }
        return checked;
    }

    private static Checked check(Connection source, Connection target, List<String> tables, int files,
                                 List<String> differences) throws SQLException {
        long rows = 0;
        for (String table : tables) {
            long inSource = TableCopy.count(source, table);
            long inTarget = TableCopy.count(target, table);
            rows += inTarget;
            if (inSource != inTarget) {
                differences.add("tabel " + table + " heeft " + inSource + " rijen in SQLite en " + inTarget + " in PostgreSQL");
            }
        }
        long storedFiles = TableCopy.count(target, "stored_file");
        if (storedFiles != files) {
            differences.add("stored_file heeft " + storedFiles + " bijlagen, de datamap " + files);
        }
        int revisions = revisions(source, target, differences);
        int hashed = files(target, differences);
        return new Checked(tables.size() + 1, rows + storedFiles, revisions, hashed);
    }

    /** Walks both tables' revisions in id order side by side; returns how many are the same. */
    private static int revisions(Connection source, Connection target, List<String> differences) throws SQLException {
        Map<Long, List<Attachment>> attachments = new HashMap<>();
        try (Statement statement = target.createStatement();
             ResultSet rows = statement.executeQuery("SELECT revision_id, name, sha256, size, type FROM revision_attachment")) {
            while (rows.next()) {
                attachments.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>())
                        .add(new Attachment(rows.getString(2), rows.getString(3), rows.getLong(4), rows.getString(5)));
            }
        }
        int same = 0;
        try (Statement fromSource = source.createStatement();
             ResultSet original = fromSource.executeQuery("SELECT id, sha256 FROM revision ORDER BY id");
             Statement fromTarget = target.createStatement()) {
            fromTarget.setFetchSize(200);
            try (ResultSet copy = fromTarget.executeQuery("SELECT id, title, body, sha256 FROM revision ORDER BY id")) {
                boolean inSource = original.next();
                boolean inTarget = copy.next();
                while (inSource || inTarget) {
                    long sourceId = inSource ? original.getLong(1) : Long.MAX_VALUE;
                    long targetId = inTarget ? copy.getLong(1) : Long.MAX_VALUE;
                    if (sourceId < targetId) {
                        differences.add("revisie " + sourceId + " ontbreekt in PostgreSQL");
                        inSource = original.next();
                        continue;
                    }
                    if (targetId < sourceId) {
                        differences.add("revisie " + targetId + " staat alleen in PostgreSQL");
                        inTarget = copy.next();
                        continue;
                    }
                    String sha256 = copy.getString(4);
                    String computed = RevisionContent.of(copy.getString(2), copy.getString(3),
                            attachments.getOrDefault(targetId, List.of())).sha256();
                    if (!sha256.equals(original.getString(2))) {
                        differences.add("revisie " + targetId + " heeft een andere SHA-256 dan in SQLite");
                    } else if (!computed.equals(sha256)) {
                        differences.add("de tekst van revisie " + targetId + " past niet bij haar SHA-256");
                    } else {
                        same++;
                    }
                    inSource = original.next();
                    inTarget = copy.next();
                }
            }
        }
        return same;
    }

    /** Hashes every stored file's content, one at a time; returns how many match their key. */
    private static int files(Connection target, List<String> differences) throws SQLException {
        int same = 0;
        try (Statement statement = target.createStatement()) {
            statement.setFetchSize(4);
            try (ResultSet rows = statement.executeQuery("SELECT sha256, content FROM stored_file ORDER BY sha256")) {
                while (rows.next()) {
                    if (HexFormat.of().formatHex(Hashes.sha256Bytes(rows.getBytes(2))).equals(rows.getString(1))) {
                        same++;
                    } else {
                        differences.add("de inhoud van bijlage " + rows.getString(1) + " past niet bij haar SHA-256");
                    }
                }
            }
        }
        return same;
    }
}
