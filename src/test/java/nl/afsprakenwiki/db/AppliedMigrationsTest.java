package nl.afsprakenwiki.db;

import nl.afsprakenwiki.testing.Postgres;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Flyway is left out only when the database holds exactly this build's migrations, unchanged: on a
 * new database it runs; on the database it just brought up to date it does not; an edited, failed,
 * removed or foreign history row makes it run again (and refuse, as it always did). The first test
 * also holds {@link AppliedMigrations#checksum} to Flyway's own checksum for every bundled script:
 * were they to differ, no database would ever be found current.
 */
class AppliedMigrationsTest {

    @TempDir
    Path dir;

    private DataSource sqlite(String name) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + dir.resolve(name));
        return source;
    }

    private static void execute(DataSource source, String sql) throws SQLException {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void flywayRunsOnANewDatabaseAndNotAgainOnceItIsCurrent() {
        DataSource source = sqlite("new.db");
        assertThat(AppliedMigrations.current(source, "db/migration")).as("no history yet").isFalse();
        assertThat(Dialect.SQLITE.migrateIfNeeded(source)).as("a new database is migrated").isTrue();
        assertThat(AppliedMigrations.current(source, "db/migration"))
                .as("every script in the history as Flyway wrote it, its checksum included").isTrue();
        assertThat(Dialect.SQLITE.migrateIfNeeded(source)).as("nothing to do: Flyway is left out").isFalse();
    }

    @Test
    void anEditedScriptsChecksumMakesFlywayRunAndRefuse() throws SQLException {
        DataSource source = sqlite("edited.db");
        Dialect.SQLITE.migrate(source);
        execute(source, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '002'");

        assertThat(AppliedMigrations.current(source, "db/migration")).isFalse();
        assertThatThrownBy(() -> Dialect.SQLITE.migrateIfNeeded(source))
                .as("Flyway's validation still stands guard").isInstanceOf(FlywayException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void aFailedARemovedOrAForeignRowIsNotCurrent() throws SQLException {
        DataSource failed = sqlite("failed.db");
        Dialect.SQLITE.migrate(failed);
        execute(failed, "UPDATE flyway_schema_history SET success = 0 WHERE version = '003'");
        assertThat(AppliedMigrations.current(failed, "db/migration")).as("a failed migration").isFalse();

        DataSource removed = sqlite("removed.db");
        Dialect.SQLITE.migrate(removed);
        execute(removed, "DELETE FROM flyway_schema_history WHERE installed_rank = "
                + "(SELECT max(installed_rank) FROM flyway_schema_history)");
        assertThat(AppliedMigrations.current(removed, "db/migration")).as("a migration still to apply").isFalse();

        DataSource foreign = sqlite("foreign.db");
        Dialect.SQLITE.migrate(foreign);
        execute(foreign, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                + "checksum, installed_by, execution_time, success) VALUES (999, '999', 'from elsewhere', 'SQL', "
                + "'V999__from_elsewhere.sql', 1, '', 0, 1)");
        assertThat(AppliedMigrations.current(foreign, "db/migration"))
                .as("a migration this build does not carry (a newer version's)").isFalse();
    }

    @Test
    void anotherDialectsFolderDoesNotMatch() {
        DataSource source = sqlite("other.db");
        Dialect.SQLITE.migrate(source);
        assertThat(AppliedMigrations.current(source, "db/migration-postgresql")).isFalse();
        assertThat(AppliedMigrations.current(source, "db/no-such-folder")).isFalse();
    }

    @Test
    void theChecksumIsFlywaysLineByLineCrcWithoutLineEndsOrByteOrderMark() throws Exception {
        int unix = AppliedMigrations.checksum(new ByteArrayInputStream("a\nbc\n".getBytes(StandardCharsets.UTF_8)));
        int windows = AppliedMigrations.checksum(new ByteArrayInputStream("a\r\nbc\r\n".getBytes(StandardCharsets.UTF_8)));
        int marked = AppliedMigrations.checksum(new ByteArrayInputStream("\uFEFFa\nbc".getBytes(StandardCharsets.UTF_8)));
        int joined = AppliedMigrations.checksum(new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8)));
        assertThat(windows).isEqualTo(unix);
        assertThat(marked).isEqualTo(unix);
        assertThat(joined).as("lines are not joined, but their bytes run on: a CRC32 over 'a' then 'bc'").isEqualTo(unix);
        assertThat(AppliedMigrations.checksum(new ByteArrayInputStream("a\nbd\n".getBytes(StandardCharsets.UTF_8))))
                .isNotEqualTo(unix);
    }

    @Test
    void onPostgresqlTooFlywayRunsOnceAndThenIsLeftOut() {
        DataSource postgres = Postgres.freshDatabase();
        assertThat(Dialect.POSTGRESQL.migrateIfNeeded(postgres)).isTrue();
        assertThat(AppliedMigrations.current(postgres, "db/migration-postgresql")).isTrue();
        assertThat(Dialect.POSTGRESQL.migrateIfNeeded(postgres)).isFalse();
    }
}
