package nl.afsprakenwiki.db;

import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

import java.sql.Types;

/**
 * Binds a truth value as 1 or 0, as the schema keeps it on both databases. SQLite's driver does so by
 * itself; PostgreSQL's would send a {@code boolean}, which an integer column refuses.
 */
final class BooleanAsNumber extends AbstractArgumentFactory<Boolean> {

    BooleanAsNumber() {
        super(Types.INTEGER);
    }

    @Override
    protected Argument build(Boolean value, ConfigRegistry config) {
        return (position, statement, ctx) -> statement.setInt(position, value ? 1 : 0);
    }
}
