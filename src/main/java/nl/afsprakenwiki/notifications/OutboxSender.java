package nl.afsprakenwiki.notifications;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one thread that delivers the outbox. Woken after every commit that enqueued mail, and otherwise
 * every {@link MailSettings#poll()}. Per mail: claim it (one transaction), hand it to the SMTP server,
 * and as soon as the server accepted it mark it sent (its own transaction). Only a crash between the
 * server's "accepted" and that commit can make a mail go out twice; nothing committed is ever lost.
 *
 * <p>A failed attempt puts the mail back with a wait that doubles each time (from
 * {@link MailSettings#firstRetry()} up to {@link MailSettings#maxRetry()}); after
 * {@link MailSettings#maxAttempts()} it is given up. The audit log gets one entry when delivery starts
 * failing, one when it works again, and one per mail given up: readable, not one per attempt.
 */
final class OutboxSender implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final Author SENDER = Author.system("e-mail");
    private static final int BATCH = 20;
    private static final int MAX_ERROR = 500;

    private final Database db;
    private final OutboxStore store;
    private final SmtpTransport transport;
    private final MailSettings settings;
    private final AuditLog audit;
    private final Clock clock;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running = true;
    /** Whether the last attempt failed: the audit log hears of the change, not of every attempt. */
    private boolean failing;

    /**
     * On PostgreSQL: how long after its attempt began a mail still "sending" counts as left by an instance
     * that died (an attempt ends within the SMTP time-outs, well under a minute).
     */
    static final Duration STALE_ATTEMPT = Duration.ofMinutes(10);
    private final boolean shared;

    OutboxSender(Database db, OutboxStore store, MailSettings settings, AuditLog audit, Clock clock, boolean shared) {
        this.shared = shared;
        this.db = db;
        this.store = store;
        this.transport = new SmtpTransport(settings, clock);
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    void stop() {
        running = false;
        wake();
    }

    @Override
    public void run() {
        while (running) {
            Duration pause;
            try {
                pause = deliverDue();
            } catch (RuntimeException e) {
                // e.g. the database is closing or the disk is full: try again later, never die
                LOG.warn("delivering the outbox failed: {}", e.toString());
                pause = settings.poll();
            }
            await(pause);
        }
    }

    /** Delivers what is due; returns how long to wait before the next pass. */
    private Duration deliverDue() {
        if (shared) {
            Instant staleBefore = clock.instant().minus(STALE_ATTEMPT);
            if (db.read(handle -> store.anyStale(handle, staleBefore))) {
                int taken = db.write(handle -> store.recoverStale(handle, staleBefore));
                LOG.warn("{} e-mail(s) were being sent by an instance that stopped; they are sent again", taken);
            }
        }
        while (running) {
            List<OutboxStore.Pending> due = db.read(handle -> store.due(handle, clock.instant(), BATCH));
            if (due.isEmpty()) {
                break;
            }
            for (OutboxStore.Pending mail : due) {
                Instant retryAt = deliver(mail);
                if (retryAt != null) {
                    // the server is down or refuses: the rest waits as long as this one, instead of
                    // each of them failing against it in turn
                    return between(clock.instant(), retryAt);
                }
            }
        }
        Instant next = db.read(store::nextDue).orElse(null);
        return next == null ? settings.poll() : between(clock.instant(), next);
    }

    /** One attempt; null when the mail was sent (or was no longer waiting), else when it is retried. */
    private Instant deliver(OutboxStore.Pending mail) {
        if (!db.write(handle -> store.claim(handle, mail.id(), clock.instant()))) {
            return null;
        }
        try {
            transport.send(mail.id(), mail.address(), mail.subject(), mail.text(), mail.html(), mail.unsubscribeUrl(),
                    mail.attachment());
        } catch (Exception e) {
            return failed(mail, reason(e));
        }
        db.write(handle -> {
            store.markSent(handle, mail.id(), clock.instant());
            if (failing) {
                audit.record(handle, SENDER, "mail.recovered", "mail:" + settings.server(), null, Map.of());
            }
            return null;
        });
        failing = false;
        return null;
    }

    private Instant failed(OutboxStore.Pending mail, String error) {
        int attempts = mail.attempts() + 1;
        Instant retryAt = clock.instant().plus(backoff(attempts));
        LOG.warn("mail {} ({}) not delivered, attempt {}: {}", mail.id(), mail.kind(), attempts, error);
        boolean firstFailure = !failing;
        db.write(handle -> {
            if (attempts >= settings.maxAttempts()) {
                store.giveUp(handle, mail.id(), error);
                audit.record(handle, SENDER, "mail.gaveUp", "mail:" + mail.id(), null,
                        details(mail.kind(), attempts, error));
            } else {
                store.retryAt(handle, mail.id(), retryAt, error);
            }
            if (firstFailure) {
                audit.record(handle, SENDER, "mail.failing", "mail:" + settings.server(), null,
                        details(mail.kind(), attempts, error));
            }
            return null;
        });
        failing = true;
        return retryAt;
    }

    /** The wait after {@code attempts} failed attempts: first retry, doubled each time, capped. */
    Duration backoff(int attempts) {
        Duration wait = settings.firstRetry();
        for (int i = 1; i < attempts && wait.compareTo(settings.maxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : wait;
    }

    private static Map<String, Object> details(String kind, int attempts, String error) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", kind);
        details.put("attempts", attempts);
        details.put("error", error);
        return details;
    }

    /** What went wrong, as the SMTP library said it, with its cause (e.g. "Connection refused"). */
    static String reason(Throwable e) {
        StringBuilder reason = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            reason.append(": ").append(e.getMessage().strip());
        }
        Throwable cause = e.getCause();
        if (cause != null && cause != e && cause.getMessage() != null && !reason.toString().contains(cause.getMessage())) {
            reason.append(" (").append(cause.getMessage().strip()).append(')');
        }
        String oneLine = reason.toString().replaceAll("\\s+", " ");
        return oneLine.length() > MAX_ERROR ? oneLine.substring(0, MAX_ERROR - 1) + "…" : oneLine;
    }

    private Duration between(Instant now, Instant then) {
        Duration wait = Duration.between(now, then);
        return wait.compareTo(settings.poll()) > 0 ? settings.poll() : wait;
    }

    private void await(Duration pause) {
        long millis = Math.max(1, pause.toMillis());
        synchronized (signal) {
            long deadline = System.currentTimeMillis() + millis;
            try {
                while (!woken && running) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) {
                        break;
                    }
                    signal.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            woken = false;
        }
    }
}
