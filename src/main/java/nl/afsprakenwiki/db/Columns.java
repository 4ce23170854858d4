package nl.afsprakenwiki.db;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reading a column that may be NULL the same on both databases: SQLite's driver gives a small whole
 * number as an {@code Integer}, PostgreSQL's a {@code bigint} column as a {@code Long}.
 */
public final class Columns {

    private Columns() {
    }

    /** The whole number in {@code column}, or null. */
    public static Integer optionalInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** The whole number in {@code column}, or null. */
    public static Long optionalLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
