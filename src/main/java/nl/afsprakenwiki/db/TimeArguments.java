package nl.afsprakenwiki.db;

import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;

/** Binds and reads instants and dates as the text forms described in {@link Times}. */
final class TimeArguments {

    private TimeArguments() {
    }

    static final class InstantArgument extends AbstractArgumentFactory<Instant> {
        InstantArgument() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setString(position, Times.format(value));
        }
    }

    static final class LocalDateArgument extends AbstractArgumentFactory<LocalDate> {
        LocalDateArgument() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(LocalDate value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setString(position, value.toString());
        }
    }

    static final class InstantColumn implements ColumnMapper<Instant> {
        @Override
        public Instant map(ResultSet r, int columnNumber, StatementContext ctx) throws SQLException {
            return Times.parseOrNull(r.getString(columnNumber));
        }
    }

    static final class LocalDateColumn implements ColumnMapper<LocalDate> {
        @Override
        public LocalDate map(ResultSet r, int columnNumber, StatementContext ctx) throws SQLException {
            String value = r.getString(columnNumber);
            return value == null ? null : LocalDate.parse(value);
        }
    }
}
