package nl.afsprakenwiki.notifications;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.notifications.NotificationKind.Delivery;
import org.jdbi.v3.core.Handle;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How each person wants their mail (migrations/V010__notification_preferences.sql): per kind at once,
 * in the daily digest or not at all, and a global off. Without a stored choice a kind comes as its
 * default. A personal choice, like following: not in the audit log, and nobody else sees it.
 */
public final class Preferences {

    /** What the digest mail's own unsubscribe link names: stop every kind that now comes in the digest. */
    public static final String DIGEST = "digest";

    private final Database db;

    public Preferences(Database db) {
        this.db = db;
    }

    /** A person's choices: global off, and the delivery of every kind (the default where nothing was chosen). */
    public record Choices(boolean off, Map<NotificationKind, Delivery> kinds) {
    }

    /** The kinds a person chooses for: all but the beheerder's test message. */
    public static List<NotificationKind> choosable() {
        return Stream.of(NotificationKind.values()).filter(kind -> kind != NotificationKind.TEST).toList();
    }

    /** The code of a delivery in forms and the API: immediately, digest, off. */
    public static String code(Delivery delivery) {
        return delivery.name().toLowerCase(Locale.ROOT);
    }

    /** The delivery with this code, or null. */
    public static Delivery delivery(String code) {
        for (Delivery delivery : Delivery.values()) {
            if (code(delivery).equals(code)) {
                return delivery;
            }
        }
        return null;
    }

    public Choices of(long accountId) {
        return db.read(handle -> choices(handle, accountId));
    }

    /** Stores the global switch (unless null) and the given kinds; what is not given keeps what it was. */
    public void save(long accountId, Boolean off, Map<NotificationKind, Delivery> kinds) {
        db.write(handle -> {
            if (off != null) {
                handle.createUpdate("""
                            INSERT INTO notification_setting (account_id, all_off) VALUES (:account, :off)
                            ON CONFLICT (account_id) DO UPDATE SET all_off = excluded.all_off
                            """)
                        .bind("account", accountId).bind("off", off ? 1 : 0).execute();
            }
            kinds.forEach((kind, delivery) -> store(handle, accountId, kind, delivery));
            return null;
        });
    }

    /**
     * One-click unsubscribe: that kind off for that person; {@link #DIGEST} turns off every kind that
     * now comes in the digest. Returns false when the kind is not one a person can choose.
     */
    boolean unsubscribe(Handle handle, long accountId, String kindCode) {
        if (DIGEST.equals(kindCode)) {
            choices(handle, accountId).kinds().forEach((kind, delivery) -> {
                if (delivery == Delivery.DIGEST) {
                    store(handle, accountId, kind, Delivery.OFF);
                }
            });
            return true;
        }
        NotificationKind kind = NotificationKind.fromCode(kindCode);
        if (kind == null || kind == NotificationKind.TEST) {
            return false;
        }
        store(handle, accountId, kind, Delivery.OFF);
        return true;
    }

    /** How a mail of {@code kind} goes to this person now, inside the caller's transaction. */
    Delivery deliveryOf(Handle handle, long accountId, NotificationKind kind) {
        if (globallyOff(handle, accountId)) {
            return Delivery.OFF;
        }
        return handle.createQuery("SELECT delivery FROM notification_preference WHERE account_id = :account AND kind = :kind")
                .bind("account", accountId).bind("kind", kind.code()).mapTo(String.class).findOne()
                .map(Preferences::delivery).orElse(kind.byDefault());
    }

    boolean globallyOff(Handle handle, long accountId) {
        return handle.createQuery("SELECT all_off FROM notification_setting WHERE account_id = :account")
                .bind("account", accountId).mapTo(Integer.class).findOne().orElse(0) == 1;
    }

    private static Choices choices(Handle handle, long accountId) {
        Map<NotificationKind, Delivery> kinds = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : choosable()) {
            kinds.put(kind, kind.byDefault());
        }
        handle.createQuery("SELECT kind, delivery FROM notification_preference WHERE account_id = :account")
                .bind("account", accountId)
                .map((rs, ctx) -> Map.entry(rs.getString("kind"), rs.getString("delivery")))
                .forEach(row -> {
                    NotificationKind kind = NotificationKind.fromCode(row.getKey());
                    if (kind != null && kind != NotificationKind.TEST) {
                        kinds.put(kind, delivery(row.getValue()));
                    }
                });
        boolean off = handle.createQuery("SELECT all_off FROM notification_setting WHERE account_id = :account")
                .bind("account", accountId).mapTo(Integer.class).findOne().orElse(0) == 1;
        return new Choices(off, kinds);
    }

    private static void store(Handle handle, long accountId, NotificationKind kind, Delivery delivery) {
        handle.createUpdate("""
                        INSERT INTO notification_preference (account_id, kind, delivery) VALUES (:account, :kind, :delivery)
                        ON CONFLICT (account_id, kind) DO UPDATE SET delivery = excluded.delivery
                        """)
                .bind("account", accountId).bind("kind", kind.code()).bind("delivery", code(delivery)).execute();
    }
}
