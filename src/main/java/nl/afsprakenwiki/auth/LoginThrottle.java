package nl.afsprakenwiki.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES} failed logins within 15 minutes for
 * one account, or from one client address, further attempts are refused until the oldest failure
 * is 15 minutes old. Kept in memory; a restart forgets, which only ever errs on the side of the user.
 */
public final class LoginThrottle {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** Upper bound on remembered keys, so that a flood of made-up usernames cannot exhaust memory. */
    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** When attempts for this account or address are allowed again, if they are refused now. */
    public Optional<Instant> blockedUntil(String username, String address) {
        Instant now = clock.instant();
        return later(until(userKey(username), now), until(addressKey(address), now));
    }

    /** How long until {@code until}, by this throttle's clock; at least one second. */
    public Duration remaining(Instant until) {
        Duration left = Duration.between(clock.instant(), until);
        return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.entrySet().removeIf(entry -> expired(entry.getValue(), now));
            if (failures.size() > MAX_KEYS) {
                failures.clear();
            }
        }
        record(userKey(username), now);
        record(addressKey(address), now);
    }

    /** A successful login clears the account's failures (not the address's: others may share it). */
    public void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private Optional<Instant> until(String key, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times, now);
            return times.size() >= MAX_FAILURES ? Optional.of(times.peekFirst().plus(WINDOW)) : Optional.empty();
        }
    }

    private static void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
            times.removeFirst();
        }
    }

    private static boolean expired(Deque<Instant> times, Instant now) {
        synchronized (times) {
            prune(times, now);
            return times.isEmpty();
        }
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
        return "u:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
