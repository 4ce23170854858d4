package nl.afsprakenwiki.notifications;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.Dialect;
import nl.afsprakenwiki.web.ServerSecret;
import nl.afsprakenwiki.web.Texts;
import nl.afsprakenwiki.web.Translations;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final Preferences preferences;
    private final Unsubscribing unsubscribing;
    private final DigestStore digests = new DigestStore();

    public Outbox(Database db, Clock clock, MailSettings settings, String baseUrl, AuditLog audit, ServerSecret secret) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.audit = audit;
        this.preferences = new Preferences(db);
        this.unsubscribing = new Unsubscribing(db, secret, preferences, baseUrl);
        db.afterCommit(this::afterCommit);
    }

    /** Each person's choices of how mail comes. */
    public Preferences preferences() {
        return preferences;
    }

    /** The one-click unsubscribe links of the mails. */
    public Unsubscribing unsubscribing() {
        return unsubscribing;
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
     * The texts for a recipient's language: the one they last chose with the language switch while
     * signed in (Dutch until then).
     */
    public Texts texts(String language) {
        return translations.of(language);
    }

    /**
     * Writes one mail into the outbox, inside the caller's transaction: it exists exactly when the
     * event that caused it was committed. The same event enqueued twice for one account stays one
     * mail. Returns whether a mail was added (false with mail off, without an address, or a repeat).
     *
     * <p>The one place where each person's preferences count: a kind they turned off (or all mail
     * off) is not queued; a kind they want in the daily digest is kept for it (in the same
     * transaction, once per event and person) and goes out with the next digest. Every mail of a
     * kind one can choose gets the unsubscribe link and the link to the preferences. The beheerder's
     * test message ignores preferences.
     */
    public boolean enqueue(Handle handle, String eventKey, String kind, Recipient to, Letter letter) {
        if (!enabled() || to.address() == null || to.address().isBlank()) {
            return false;
        }
        NotificationKind known = NotificationKind.fromCode(kind);
        boolean choosable = known != null && known != NotificationKind.TEST;
        String unsubscribe = null;
        Letter sent = letter;
        if (choosable) {
            NotificationKind.Delivery delivery = preferences.deliveryOf(handle, to.accountId(), known);
            if (delivery == NotificationKind.Delivery.OFF) {
                return false;
            }
            if (delivery == NotificationKind.Delivery.DIGEST) {
                return digests.keep(handle, eventKey, kind, to.accountId(), letter, clock.instant());
            }
            unsubscribe = unsubscribing.link(to.accountId(), kind);
            sent = letter.withUnsubscribe(texts(to.language()), unsubscribe, link(PREFERENCES));
        }
        return queue(handle, eventKey, kind, to, sent, unsubscribe);
    }

    /** Where a person's preferences are: their profile's section. */
    static final String PREFERENCES = "/profiel#meldingen";

    /** Puts one finished mail in the outbox (the digest comes here too). */
    boolean queue(Handle handle, String eventKey, String kind, Recipient to, Letter letter, String unsubscribeUrl) {
        boolean added = store.insert(handle, eventKey, kind, to.accountId(), to.address().strip(), letter, unsubscribeUrl,
                clock.instant());
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
            Optional<Recipient> to = Recipients.byId(handle, accountId);
            if (to.isEmpty()) {
                return TestOutcome.NO_ADDRESS;
            }
            Texts texts = texts(to.get().language());
            Letter letter = Letter.in(texts, "mail.test.subject")
                    .paragraph("mail.test.body", settings.server())
                    .action("mail.test.action", link("/beheer"))
                    .footer("mail.footer").build();
            String event = "test:" + clock.instant().toEpochMilli() + ":" + System.nanoTime();
            enqueue(handle, event, "test", to.get(), letter);
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
        boolean shared = db.dialect() == Dialect.POSTGRESQL;
        int interrupted = db.write(handle -> store.recoverAtStart(handle, clock.instant(), shared));
        if (interrupted > 0) {
            LOG.warn("{} e-mail(s) were being sent when the wiki stopped; they are sent again", interrupted);
        }
        LOG.info("E-mail via {} (tls: {}), afzender {}", settings.server(), settings.tls().code(), settings.from());
        sender = new OutboxSender(db, store, settings, audit, clock, shared);
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
