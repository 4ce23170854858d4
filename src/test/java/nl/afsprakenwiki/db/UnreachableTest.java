package nl.afsprakenwiki.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jdbi.v3.core.statement.UnableToCreateStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Which failures mean the database could not be reached (answered 503, reads tried again) and which
 * are the request's own (a broken rule: 4xx or 500). Among the first: a statement on a connection the
 * pool has already closed, as HikariCP's own stand-in answers it (taken from a real pool here); the
 * PostgreSQL tier's {@code DatabaseOutageTest} meets it when connections are dropped mid-request.
 */
class UnreachableTest {

    @TempDir
    Path dir;

    @Test
    void connectionStatesAreUnreachableRuleStatesAreNot() {
        assertThat(Unreachable.causedBy(new SQLException("refused", "08001"))).isTrue();
        assertThat(Unreachable.causedBy(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(Unreachable.causedBy(new SQLException("too many clients", "53300"))).isTrue();
        assertThat(Unreachable.causedBy(new RuntimeException(new SQLException("broken pipe", "08006")))).isTrue();
        assertThat(Unreachable.causedBy(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(Unreachable.causedBy(new SQLException("something else"))).isFalse();
        assertThat(Unreachable.causedBy(new IllegalStateException("Connection is closed"))).as("not a database's word")
                .isFalse();
    }

    @Test
    void aStatementOnAConnectionThePoolHasClosedIsUnreachable() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + dir.resolve("pool.db"));
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Connection connection = pool.getConnection();
            connection.close();
            Throwable failure = catchThrowable(connection::createStatement);
            assertThat(failure).isInstanceOf(SQLException.class);
            assertThat(Unreachable.causedBy(failure)).as(failure.toString()).isTrue();
            assertThat(Unreachable.causedBy(new UnableToCreateStatementException("statement", failure)))
                    .as("wrapped by Jdbi, as a request meets it").isTrue();
        }
    }
}
