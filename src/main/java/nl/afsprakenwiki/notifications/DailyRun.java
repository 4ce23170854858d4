package nl.afsprakenwiki.notifications;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.notifications.NotificationKind.Delivery;
import nl.afsprakenwiki.web.Texts;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Once a day, at {@code hour} in Amsterdam: the due-date reminders ({@link Task}s of the features,
 * e.g. review dates and action items) and then one digest mail per person with kept notifications.
 * The whole day is one transaction that first claims its row in {@code daily_run}: a day never runs
 * twice, and a day whose run failed or whose hour passed while the wiki was down runs at the next
 * look. A day missed while the wiki was down is caught up once (at start-up), not one run per
 * missed day: the digest takes everything that waits, and the reminders look back. The very first
 * look of a new wiki only records the day that is due as its starting point: nothing was missed.
 */
public final class DailyRun implements AutoCloseable {

    /** A port: a feature's part of the daily run, inside its transaction, for {@code day}. */
    public interface Task {
        void run(Handle handle, LocalDate day);
    }

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    public static final int DEFAULT_HOUR = 7;
    private static final Logger LOG = LoggerFactory.getLogger(DailyRun.class);
    private static final Duration LOOK = Duration.ofMinutes(1);

    private final Database db;
    private final Clock clock;
    private final int hour;
    private final Outbox outbox;
    private final List<Task> tasks;
    private final DigestStore digests = new DigestStore();
    private final Object signal = new Object();
    private volatile boolean running;
    private Thread thread;

    public DailyRun(Database db, Clock clock, int hour, Outbox outbox, List<Task> tasks) {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour " + hour);
        }
        this.db = db;
        this.clock = clock;
        this.hour = hour;
        this.outbox = outbox;
        this.tasks = List.copyOf(tasks);
    }

    /**
     * What the thread does every minute, and tests call directly: runs the day that is due now, if no
     * run did it yet. Returns that day when it ran it.
     */
    public Optional<LocalDate> runDue() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZONE));
        LocalDate due = now.getHour() >= hour ? now.toLocalDate() : now.toLocalDate().minusDays(1);
        return db.write(handle -> {
            Optional<LocalDate> last = handle.createQuery("SELECT max(day) FROM daily_run").mapTo(String.class)
                    .findOne().map(LocalDate::parse);
            if (last.filter(day -> !day.isBefore(due)).isPresent()) {
                return Optional.<LocalDate>empty();
            }
            handle.createUpdate("INSERT INTO daily_run (day, ran_at) VALUES (:day, :now)")
                    .bind("day", due.toString()).bind("now", clock.instant()).execute();
            if (last.isEmpty()) {
                // a new wiki (or one just given mail) has missed nothing: its first run is at the next hour,
                // not a burst of reminders about everything the moment it starts
                LOG.info("daily run: the first is on the next day at {}:00", hour);
                return Optional.<LocalDate>empty();
            }
            for (Task task : tasks) {
                task.run(handle, due);
            }
            int sent = digest(handle, due);
            LOG.info("daily run of {}: {} digest mail(s)", due, sent);
            return Optional.of(due);
        });
    }

    /** One digest per person with kept notifications; returns how many were queued. */
    private int digest(Handle handle, LocalDate day) {
        Map<Long, List<DigestStore.Item>> byAccount = new LinkedHashMap<>();
        for (DigestStore.Item item : digests.waiting(handle)) {
            byAccount.computeIfAbsent(item.accountId(), id -> new ArrayList<>()).add(item);
        }
        String key = "digest:" + day;
        int sent = 0;
        for (Map.Entry<Long, List<DigestStore.Item>> entry : byAccount.entrySet()) {
            long account = entry.getKey();
            digests.take(handle, account, key);
            Optional<Outbox.Recipient> recipient = Recipients.byId(handle, account);
            // chosen off meanwhile (one kind or all), or no longer reachable: dropped, not sent
            List<DigestStore.Item> items = entry.getValue().stream().filter(item -> {
                NotificationKind kind = NotificationKind.fromCode(item.kind());
                return kind == null || outbox.preferences().deliveryOf(handle, account, kind) != Delivery.OFF;
            }).toList();
            if (recipient.isEmpty() || items.isEmpty()) {
                continue;
            }
            Outbox.Recipient to = recipient.get();
            Texts texts = outbox.texts(to.language());
            Letter.Builder letter = Letter.in(texts, "mail.digest.subject", texts.date(day))
                    .paragraph("mail.greeting", to.displayName())
                    .paragraph("mail.digest.body", items.size());
            items.forEach(item -> letter.item(item.subject(), item.link()));
            String unsubscribe = outbox.unsubscribing().link(account, Preferences.DIGEST);
            Letter built = letter.footer("mail.digest.footer").build()
                    .withUnsubscribe(texts, unsubscribe, outbox.link(Outbox.PREFERENCES));
            if (outbox.queue(handle, key, Preferences.DIGEST, to, built, unsubscribe)) {
                sent++;
            }
        }
        return sent;
    }


    /** Starts the thread that looks every minute; the first look (a missed day) is at once. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "daily-run");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                runDue();
            } catch (RuntimeException e) {
                // e.g. the database is closing: the day stays unclaimed and is tried at the next look
                LOG.warn("the daily run failed: {}", e.toString());
            }
            synchronized (signal) {
                try {
                    if (running) {
                        signal.wait(LOOK.toMillis());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        if (thread == null) {
            return;
        }
        running = false;
        synchronized (signal) {
            signal.notifyAll();
        }
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }
}
