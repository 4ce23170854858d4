package nl.afsprakenwiki.auth;

import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.accounts.AccountSessions;
import org.eclipse.jetty.session.AbstractSessionDataStore;
import org.eclipse.jetty.session.SessionData;
import org.eclipse.jetty.util.ClassLoadingObjectInputStream;
import org.pac4j.core.profile.UserProfile;
import org.pac4j.core.util.Pac4jConstants;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Jetty's session store over the database ({@link AccountSessions}): the web server keeps no session
 * in memory (a {@code NullSessionCache} in front of this store), so every request reads its session
 * from the database. A session then outlives a restart and holds on every instance that shares the
 * database, and a logout or a password change ends it everywhere at once.
 * <p>
 * A session is written when it is created or its attributes change (signing in, out, a destination to
 * return to); a session that is only used is written again after {@link #SAVE_PERIOD_SECONDS} (so it
 * may end up to that much before eight hours without use). Only a session written before is ever
 * updated: one ended meanwhile (in another tab, by a password change) is not brought back by a request
 * that was still running.
 */
public final class StoredSessions extends AbstractSessionDataStore {

    /** A session whose attributes did not change is written again at most this often. */
    static final int SAVE_PERIOD_SECONDS = 300;
    /** How many sessions' attributes are kept read (the most recently used). */
    private static final int KEPT = 10_000;

    private final AccountSessions sessions;
    /**
     * The attributes of recently used sessions as read: reading them back from their bytes (Java
     * serialization of pac4j's profile) was most of the cost of a signed-in request. A session's
     * stored bytes are still read on every request and compared, so what is used is always what the
     * database holds; only an unchanged session skips the reading back. As with sessions kept in
     * memory, the requests of one session share its attribute values.
     */
    private final Map<String, Read> read = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Read> eldest) {
            return size() > KEPT;
        }
    });

    private record Read(byte[] bytes, Map<String, Object> attributes) {
    }

    public StoredSessions(AccountSessions sessions) {
        this.sessions = sessions;
        setSavePeriodSec(SAVE_PERIOD_SECONDS);
    }

    @Override
    public boolean isPassivating() {
        return true;
    }

    @Override
    public boolean doExists(String id) {
        return sessions.exists(id, System.currentTimeMillis());
    }

    @Override
    public void doStore(String id, SessionData data, long lastSaveTime) throws IOException {
        byte[] bytes = attributes(data);
        AccountSessions.Stored stored = new AccountSessions.Stored(username(data), data.getCreated(), data.getAccessed(),
                data.getLastAccessed(), data.getCookieSet(), data.getExpiry(), data.getMaxInactiveMs(),
                data.getLastSaved(), bytes);
        read.remove(id);
        if (lastSaveTime <= 0) {
            sessions.insert(id, stored);
        } else if (!sessions.update(id, stored)) {
            return;
        }
        read.put(id, new Read(bytes, new HashMap<>(data.getAllAttributes())));
    }

    @Override
    public SessionData doLoad(String id) throws IOException, ClassNotFoundException {
        AccountSessions.Stored stored = sessions.load(id).orElse(null);
        if (stored == null) {
            return null;
        }
        SessionData data = newSessionData(id, stored.created(), stored.accessed(), stored.lastAccessed(),
                stored.maxInactive());
        data.setCookieSet(stored.cookieSet());
        data.setExpiry(stored.expiry());
        data.setLastSaved(stored.lastSaved());
        Read known = read.get(id);
        if (known != null && Arrays.equals(known.bytes(), stored.attributes())) {
            data.putAllAttributes(known.attributes());
        } else {
            try (ClassLoadingObjectInputStream in = new ClassLoadingObjectInputStream(
                    new ByteArrayInputStream(stored.attributes()))) {
                SessionData.deserializeAttributes(data, in);
            }
            read.put(id, new Read(stored.attributes(), new HashMap<>(data.getAllAttributes())));
        }
        data.clean();
        return data;
    }

    @Override
    public boolean delete(String id) {
        read.remove(id);
        return sessions.delete(id);
    }

    @Override
    public Set<String> doCheckExpired(Set<String> candidates, long time) {
        return sessions.expiredAmong(candidates, time);
    }

    /**
     * Sessions that expired long ago are deleted here and now: no instance holds them in memory (there
     * is no session cache), so there is nobody to tell.
     */
    @Override
    public Set<String> doGetExpired(long before) {
        sessions.deleteExpired(before);
        return Set.of();
    }

    @Override
    public void doCleanOrphans(long time) {
        sessions.deleteExpired(time);
    }

    private static byte[] attributes(SessionData data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            SessionData.serializeAttributes(data, out);
        }
        return bytes.toByteArray();
    }

    /** Who signed in with this session (pac4j keeps their profile in it), if anyone did. */
    private static String username(SessionData data) {
        if (data.getAttribute(Pac4jConstants.USER_PROFILES) instanceof Map<?, ?> profiles) {
            for (Object profile : profiles.values()) {
                if (profile instanceof UserProfile user && user.getId() != null) {
                    return AccountService.normalise(user.getId());
                }
            }
        }
        return null;
    }
}
