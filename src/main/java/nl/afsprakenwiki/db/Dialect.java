package nl.afsprakenwiki.db;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * The kinds of database the schema exists for, each with its own Flyway history: SQLite's in
 * {@code migrations/}, PostgreSQL's in {@code migrations/postgresql/}. PostgreSQL's history starts at
 * V035 with the whole schema as it stood then; from V036 on every migration exists for both under the
 * same version, and both schemas enforce the same rules (docs/ARCHITECTURE.md, "One schema, two
 * databases"; {@code SchemaRulesTest} runs the same statements on both).
 */
public enum Dialect {
    SQLITE("db/migration"),
    POSTGRESQL("db/migration-postgresql");

    /** The classpath folder of this dialect's migrations. */
    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /**
     * Applies this dialect's pending migrations to the database behind {@code source}, with Flyway;
     * a database that already holds exactly this build's migrations, unchanged, is left as it is
     * without starting Flyway ({@link AppliedMigrations}).
     */
    public void migrate(DataSource source) {
        migrateIfNeeded(source);
    }

    /** {@link #migrate}; whether Flyway ran. */
    boolean migrateIfNeeded(DataSource source) {
        if (AppliedMigrations.current(source, folder)) {
            return false;
        }
        Flyway.configure()
                .dataSource(source)
                .locations("classpath:" + folder)
                .validateMigrationNaming(true)
                .load()
                .migrate();
        return true;
    }
}
