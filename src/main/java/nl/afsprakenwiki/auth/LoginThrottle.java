package nl.afsprakenwiki.auth;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.text.Hashes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES} failed logins within 15 minutes for
 * one account, or from one client address, further attempts are refused until the oldest failure
 * is 15 minutes old. The failures are rows of {@code login_failure} (V037): a restart forgets none,
 * and every instance that shares the database counts them all. Rows older than the window are deleted
 * as new failures come in, so a flood of made-up usernames holds at most fifteen minutes of rows.
 */
public final class LoginThrottle {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** A subject longer than this (a pasted text as username) is kept as its SHA-256. */
    private static final int LONGEST_SUBJECT = 200;

    private final Database db;
    private final Clock clock;

    public LoginThrottle(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** When attempts for this account or address are allowed again, if they are refused now. */
    public Optional<Instant> blockedUntil(String username, String address) {
        long now = clock.millis();
        return later(until(userKey(username), now), until(addressKey(address), now));
    }

    /** How long until {@code until}, by this throttle's clock; at least one second. */
    public Duration remaining(Instant until) {
        Duration left = Duration.between(clock.instant(), until);
        return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
    }

    public void failed(String username, String address) {
        long now = clock.millis();
        db.write(handle -> {
            handle.createUpdate("DELETE FROM login_failure WHERE at <= :oldest")
                    .bind("oldest", now - WINDOW.toMillis()).execute();
            for (String subject : new String[]{userKey(username), addressKey(address)}) {
                handle.createUpdate("INSERT INTO login_failure (subject, at) VALUES (:subject, :at)")
                        .bind("subject", subject).bind("at", now).execute();
            }
            return null;
        });
    }

    /** A successful login clears the account's failures (not the address's: others may share it). */
    public void succeeded(String username) {
        db.write(handle -> handle.createUpdate("DELETE FROM login_failure WHERE subject = :subject")
                .bind("subject", userKey(username)).execute());
    }

    /** The end of the refusal for one subject: its oldest failure in the window plus the window. */
    private Optional<Instant> until(String subject, long now) {
        return db.read(handle -> handle.createQuery("""
                        SELECT count(*) AS failures, min(at) AS oldest FROM login_failure
                        WHERE subject = :subject AND at > :oldest""")
                .bind("subject", subject).bind("oldest", now - WINDOW.toMillis())
                .map((rs, ctx) -> rs.getInt("failures") >= MAX_FAILURES
                        ? Optional.of(Instant.ofEpochMilli(rs.getLong("oldest")).plus(WINDOW))
                        : Optional.<Instant>empty())
                .one());
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().isAfter(b.get()) ? a : b;
    }

    private static String userKey(String username) {
        return bounded("u:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)));
    }

    private static String addressKey(String address) {
        return bounded("a:" + address);
    }

    private static String bounded(String subject) {
        return subject.length() <= LONGEST_SUBJECT ? subject : "h:" + Hashes.sha256(subject);
    }
}
