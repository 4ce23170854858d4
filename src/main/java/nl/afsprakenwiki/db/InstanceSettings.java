package nl.afsprakenwiki.db;

import org.jdbi.v3.core.Handle;

import java.util.Optional;

/** The instance's own settings, key and text value ({@code instance_setting}), in the caller's transaction. */
public final class InstanceSettings {

    private InstanceSettings() {
    }

    public static Optional<String> value(Handle handle, String key) {
        return handle.createQuery("SELECT value FROM instance_setting WHERE key = :key").bind("key", key)
                .mapTo(String.class).findOne();
    }

    public static void set(Handle handle, String key, String value) {
        handle.createUpdate("""
                        INSERT INTO instance_setting (key, value) VALUES (:key, :value)
                        ON CONFLICT (key) DO UPDATE SET value = excluded.value
                        """)
                .bind("key", key).bind("value", value).execute();
    }

    /** Sets the value unless the key has one already (then the value that was there stays). */
    public static void setIfAbsent(Handle handle, String key, String value) {
        handle.createUpdate("INSERT INTO instance_setting (key, value) VALUES (:key, :value) ON CONFLICT (key) DO NOTHING")
                .bind("key", key).bind("value", value).execute();
    }
}
