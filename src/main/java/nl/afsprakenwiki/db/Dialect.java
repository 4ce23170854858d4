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
    SQLITE("classpath:db/migration"),
    POSTGRESQL("classpath:db/migration-postgresql");

    private final String location;

    Dialect(String location) {
        this.location = location;
    }

    /** Applies this dialect's pending migrations to the database behind {@code source}. */
    public void migrate(DataSource source) {
        Flyway.configure()
                .dataSource(source)
                .locations(location)
                .validateMigrationNaming(true)
                .load()
                .migrate();
    }
}
