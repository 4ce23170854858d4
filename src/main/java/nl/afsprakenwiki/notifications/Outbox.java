package nl.afsprakenwiki.notifications;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.web.Texts;
import nl.afsprakenwiki.web.Translations;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The transactional outbox: features {@link #enqueue} a mail per recipient inside the transaction of
 * the event that causes it, and a sender thread ({@link OutboxSender}) delivers it after the commit.
 * This package imports no feature: features call it, as they call the audit log.
 *
 * <p>With mail off (no SMTP host) nothing is enqueued, so no pile of old mail goes out the day a
 * server is configured.
 */
public final class Outbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final int SHOWN_FAILURES = 10;

    private final Database db;
    private final Clock clock;
    private final MailSettings settings;
    private final String baseUrl;
    private final AuditLog audit;
    private final OutboxStore store = new OutboxStore();
    private final Translations translations = new Translations();
    /** Set by an enqueue; the commit that follows wakes the sender. */
    private final AtomicBoolean enqueued = new AtomicBoolean();
    private volatile OutboxSender sender;
    private Thread thread;

    public Outbox(Database db, Clock clock, MailSettings settings, String baseUrl, AuditLog audit) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.audit = audit;
        db.afterCommit(this::afterCommit);
    }

    /** Who gets a mail: an account, at its address, in its language. */
    public record Recipient(long accountId, String displayName, String address, String language) {
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** The address mails come from (AFSPRAKENWIKI_MAIL_FROM), e.g. as the organizer of a meeting's .ics. */
    public String sender() {
        return settings.from();
    }

    /** The absolute address of a page of the wiki, for links in mails. */
    public String link(String path) {
        return baseUrl + path;
    }

    /**
     * The texts for a recipient's language. Accounts do not store a language yet, so today every
     * recipient gets Dutch; the mails are written in both, for when they do.
     */
    public Texts texts(String language) {
        return translations.of(language);
    }

    /**
     * Writes one mail into the outbox, inside the caller's transaction: it exists exactly when the
     * event that caused it was committed. The same event enqueued twice for one account stays one
     * mail. Returns whether a mail was added (false with mail off, without an address, or a repeat).
     */
    public boolean enqueue(Handle handle, String eventKey, String kind, Recipient to, Letter letter) {
        if (!enabled() || to.address() == null || to.address().isBlank()) {
            return false;
        }
        boolean added = store.insert(handle, eventKey, kind, to.accountId(), to.address().strip(), letter, clock.instant());
        if (added) {
            enqueued.set(true);
        }
        return added;
    }

    /** What became of the test message the beheerder asked for. */
    public enum TestOutcome { QUEUED, MAIL_OFF, NO_ADDRESS }

    /** A test message to the account's own address, through the outbox like every other mail. */
    public TestOutcome sendTest(long accountId, Author author) {
        if (!enabled()) {
            return TestOutcome.MAIL_OFF;
        }
        return db.write(handle -> {
            Map<String, Object> account = handle.createQuery("SELECT display_name, email FROM account WHERE id = :id")
                    .bind("id", accountId).mapToMap().findOne().orElse(Map.of());
            String address = (String) account.getOrDefault("email", "");
            if (address == null || address.isBlank()) {
                return TestOutcome.NO_ADDRESS;
            }
            Texts texts = texts(Translations.DUTCH);
            Letter letter = Letter.in(texts, "mail.test.subject")
                    .paragraph("mail.test.body", settings.server())
                    .action("mail.test.action", link("/beheer"))
                    .footer("mail.footer").build();
            String event = "test:" + clock.instant().toEpochMilli() + ":" + System.nanoTime();
            enqueue(handle, event, "test", new Recipient(accountId, (String) account.get("display_name"), address,
                    Translations.DUTCH), letter);
            audit.record(handle, author, "mail.test", "mail:" + settings.server(), null, Map.of());
            return TestOutcome.QUEUED;
        });
    }

    /** What the beheerder sees of mail: where it goes and how the outbox is doing. */
    public record Status(boolean enabled, String server, String tls, String from, boolean authenticated,
                         int queued, int retrying, int sent, int failed, List<Failure> latestFailures) {
    }

    /** A mail whose last attempt failed: to be retried ({@code queued}), being retried ({@code sending}) or given up ({@code failed}). */
    public record Failure(long id, String kind, String address, String state, int attempts, Instant lastAttemptAt,
                          Instant nextAttemptAt, String error) {
    }

    public Status status() {
        return db.read(handle -> {
            Map<String, Integer> counts = store.counts(handle);
            return new Status(enabled(), enabled() ? settings.server() : "", settings.tls().code(), settings.from(),
                    !settings.user().isEmpty(), counts.get("queued") + counts.get("sending"), counts.get("retrying"),
                    counts.get("sent"), counts.get("failed"), store.latestFailures(handle, SHOWN_FAILURES));
        });
    }

    /**
     * Starts delivering. Says once that mail is off when it is; otherwise first takes up what a previous
     * process left (see {@link OutboxStore#recoverAtStart}).
     */
    public synchronized void start() {
        if (!enabled()) {
            LOG.info("E-mail staat uit: AFSPRAKENWIKI_SMTP_HOST is niet ingesteld; er worden geen e-mails verstuurd.");
            return;
        }
        if (thread != null) {
            return;
        }
        int interrupted = db.write(handle -> store.recoverAtStart(handle, clock.instant()));
        if (interrupted > 0) {
            LOG.warn("{} e-mail(s) were being sent when the wiki stopped; they are sent again", interrupted);
        }
        LOG.info("E-mail via {} (tls: {}), afzender {}", settings.server(), settings.tls().code(), settings.from());
        sender = new OutboxSender(db, store, settings, audit, clock);
        thread = new Thread(sender, "outbox");
        thread.setDaemon(true);
        thread.start();
    }

    private void afterCommit() {
        OutboxSender running = sender;
        if (enqueued.getAndSet(false) && running != null) {
            running.wake();
        }
    }

    /** Stops the sender; a mail it is handing over finishes first (at most the SMTP timeout). */
    @Override
    public synchronized void close() {
        if (thread == null) {
            return;
        }
        sender.stop();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        sender = null;
    }
}
