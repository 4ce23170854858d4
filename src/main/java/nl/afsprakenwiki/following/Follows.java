package nl.afsprakenwiki.following;

import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.ReadCache;
import nl.afsprakenwiki.following.Followed.Kind;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.web.Paths;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Following (volgen): a signed-in person follows an agreement, a koppelzone or a theme to be told
 * when an agreement there becomes public with a new revision or is retired. Only what the person
 * may read can be followed: a draft of another koppelzone does not exist for them, and a theme
 * counts only when a public agreement carries it. Following is a personal choice, not a change to
 * the wiki: it is not in the audit log, and nobody else sees who follows what.
 */
public final class Follows {

    private final Database db;
    /** Whether an account follows something: the follow button on every page a member views. */
    private final ReadCache<FollowKey, Boolean> following;

    private record FollowKey(long accountId, Kind kind, Object target) {
    }
    private final FollowStore store = new FollowStore();
    private final AgreementService agreements;
    private final KoppelzoneService koppelzones;
    private final Clock clock;

    public Follows(Database db, AgreementService agreements, KoppelzoneService koppelzones, Clock clock) {
        this.db = db;
        this.following = new ReadCache<>(db, 10_000);
        this.agreements = agreements;
        this.koppelzones = koppelzones;
        this.clock = clock;
    }

    /** Starts following; false when it was followed already. */
    public boolean follow(Viewer viewer, Kind kind, String key) {
        Object target = target(viewer, kind, key);
        return db.write(handle -> store.add(handle, viewer.accountId(), kind, target, clock.instant()));
    }

    /** Stops following; false when it was not followed. Works also for what the person may no longer read. */
    public boolean unfollow(Viewer viewer, Kind kind, String key) {
        Object target = switch (kind) {
            case AGREEMENT -> agreementId(key);
            case KOPPELZONE -> koppelzones.bySlug(key).orElseThrow(() -> new NotFound("koppelzone")).id();
            case THEME -> theme(key);
        };
        return db.write(handle -> store.remove(handle, viewer.accountId(), kind, target));
    }

    /** Whether the person follows it (false for anonymous visitors). */
    public boolean follows(Viewer viewer, Kind kind, Object target) {
        return viewer.authenticated() && following.get(new FollowKey(viewer.accountId(), kind, target),
                () -> db.read(handle -> store.follows(handle, viewer.accountId(), kind, target)));
    }

    /** What the person follows, newest first; an agreement they may no longer read is left out. */
    public List<Followed> of(Viewer viewer) {
        List<Followed> followed = new ArrayList<>();
        Map<Long, Koppelzone> zones = new HashMap<>();
        for (FollowStore.Row row : db.read(handle -> store.of(handle, viewer.accountId()))) {
            if (row.agreementId() != null) {
                agreements.version(row.agreementId(), null, viewer).ifPresent(version -> followed.add(new Followed(
                        Kind.AGREEMENT, String.valueOf(row.agreementId()), version.revision().title(),
                        Paths.agreement(row.agreementId()), row.since())));
            } else if (row.koppelzoneId() != null) {
                if (zones.isEmpty()) {
                    koppelzones.all().forEach(zone -> zones.put(zone.id(), zone));
                }
                Koppelzone zone = zones.get(row.koppelzoneId());
                if (zone != null) {
                    followed.add(new Followed(Kind.KOPPELZONE, zone.slug(), zone.name(), Paths.koppelzone(zone.slug()),
                            row.since()));
                }
            } else {
                followed.add(new Followed(Kind.THEME, row.theme(), row.theme(),
                        "/zoeken?thema=" + URLEncoder.encode(row.theme(), StandardCharsets.UTF_8), row.since()));
            }
        }
        return followed;
    }

    /**
     * The accounts to tell about {@code agreementId}: those following it, its koppelzone or one of its
     * themes. Whether each may read what they are told is the teller's to check.
     */
    public List<Long> followersOf(long agreementId) {
        return db.read(handle -> store.followersOf(handle, agreementId));
    }

    /** What the person follows that changed since {@code since}: agreement ids, most recent first (at most {@code limit}). */
    public List<Long> changedFor(Viewer viewer, java.time.Instant since, int limit) {
        return viewer.authenticated() ? db.read(handle -> store.changedFor(handle, viewer.accountId(), since, limit)) : List.of();
    }

    /** The themes public agreements carry, alphabetically: what can be followed as a theme. */
    public List<String> themes() {
        return db.read(handle -> store.publicThemes(handle));
    }

    private Object target(Viewer viewer, Kind kind, String key) {
        if (!viewer.authenticated()) {
            throw new IllegalStateException("only signed-in people follow");
        }
        return switch (kind) {
            case AGREEMENT -> {
                long id = agreementId(key);
                agreements.find(id, viewer).orElseThrow(() -> new NotFound("agreement"));
                yield id;
            }
            case KOPPELZONE -> koppelzones.bySlug(key).map(Koppelzone::id).orElseThrow(() -> new NotFound("koppelzone"));
            case THEME -> {
                String theme = theme(key);
                if (!db.read(handle -> store.themeExists(handle, theme))) {
                    throw new InvalidInput("theme", "error.follow.unknownTheme", theme);
                }
                yield theme;
            }
        };
    }

    private static long agreementId(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new NotFound("agreement");
        }
    }

    private static String theme(String key) {
        String theme = key == null ? "" : key.strip();
        if (theme.isEmpty() || theme.length() > 60) {
            throw new InvalidInput("theme", "error.follow.theme");
        }
        return theme;
    }
}
