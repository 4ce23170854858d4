package nl.afsprakenwiki.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database server could not be reached: the connection was refused or
 * broken (SQLSTATE class 08), the server is shutting down or starting (57P01-57P03) or has no
 * connection left (53300), or no connection of the pool became free in time, or the pool had already
 * closed the connection after an earlier statement on it found it dropped. On PostgreSQL that is a
 * restart, a failover or a cut network - temporary, and nothing of the request was kept - so the web
 * answers 503 with Retry-After instead of an internal error. SQLite in the data directory cannot be unreachable.
 */
public final class Unreachable {

    private Unreachable() {
    }

    public static boolean causedBy(Throwable failure) {
        return Causes.any(failure, Unreachable::says);
    }

    /** What HikariCP's stand-in for a connection it has closed says, without an SQLSTATE. */
    private static final String POOL_CLOSED_IT = "Connection is closed";

    private static boolean says(Throwable failure) {
        if (failure instanceof SQLTransientConnectionException) {
            return true;
        }
        // the pool closes a connection the server dropped (57P01, 08006) as soon as one statement on it
        // fails; another statement of the same request on it then meets the pool's stand-in, which says
        // so in words only. The connection was lost all the same (the wiki never closes one mid-request).
        if (failure instanceof SQLException sql && sql.getSQLState() == null && POOL_CLOSED_IT.equals(sql.getMessage())) {
            return true;
        }
        if (failure instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                    || state.equals("53300");
        }
        return false;
    }
}
