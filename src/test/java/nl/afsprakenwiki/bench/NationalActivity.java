package nl.afsprakenwiki.bench;

import nl.afsprakenwiki.Services;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.agreements.AgreementListItem;
import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.meetings.MeetingRecords.DecisionKind;
import nl.afsprakenwiki.meetings.MeetingRecords.Item;
import nl.afsprakenwiki.meetings.MeetingRecords.Kind;
import nl.afsprakenwiki.meetings.MeetingRecords.Meeting;
import nl.afsprakenwiki.meetings.Meetings;
import nl.afsprakenwiki.text.Progress;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the import format cannot carry, added to an imported national data set through the services the
 * server uses (every write through {@code db.write}, audited, mailed to the outbox): adoptions of
 * endorsed agreements into koppelzones of other municipalities (with lineage), and a few meetings per
 * koppelzone with their proposed agenda, decisions (which perform their lifecycle move) and minutes.
 * Commits are not flushed one by one ({@code PROCESS_KILL} durability): a bulk step on generated data.
 * The actor is one beheerder account it creates ({@value #ACTOR}); a clock it sets places each
 * action between the data set's last revision (2026-05-31) and {@value #UNTIL}.
 *
 * <pre>NationalActivity --data DIR [--adoptions PERCENT] [--meetings PER-KOPPELZONE] [--seed S]</pre>
 */
public final class NationalActivity {

    static final String ACTOR = "landelijk-beheer";
    static final String UNTIL = "2026-11-30";
    private static final LocalDate FROM = LocalDate.of(2026, 6, 1);

    /** What a run did. */
    public record Summary(int adoptions, int meetings, int decisions, int refused) {
    }

    /** A clock the run moves; the services read it for every write. */
    static final class SetClock extends Clock {
        private Instant now;

        SetClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    public static Summary run(Path dataDir, int adoptionPercent, int meetingsPerKoppelzone, long seed, Progress progress) {
        SplittableRandom random = new SplittableRandom(seed);
        SetClock clock = new SetClock(FROM.atStartOfDay(ZoneOffset.UTC).toInstant());
        // no fsync per commit: a generated data set cannot lose power, and thousands of commits stay quick
        try (Database db = Database.open(dataDir, Database.Durability.PROCESS_KILL)) {
            Services services = Services.create(Settings.forTests(dataDir), db, clock);
            try {
                Viewer actor = actor(services);
                int adoptions = adopt(services, actor, clock, adoptionPercent, random, progress);
                int[] meetings = meet(services, actor, clock, meetingsPerKoppelzone, random, progress);
                services.search().index().catchUp(progress);
                return new Summary(adoptions, meetings[0], meetings[1], meetings[2]);
            } finally {
                services.search().close();
            }
        }
    }

    private static Viewer actor(Services services) {
        if (services.accounts().byUsername(ACTOR).isEmpty()) {
            services.accounts().create(new AccountService.NewAccount(ACTOR, "Landelijk beheer", null, null, true, null),
                    Author.system("national data set"));
        }
        return services.accounts().viewer(ACTOR).orElseThrow();
    }

    /** A random moment between {@link #FROM} and {@link #UNTIL}, on a working day's hours. */
    private static Instant someDay(SplittableRandom random) {
        long days = FROM.until(LocalDate.parse(UNTIL)).toTotalMonths() * 30;
        return FROM.plusDays(random.nextLong(days)).atStartOfDay(ZoneOffset.UTC).toInstant()
                .plusSeconds(8 * 3600 + random.nextInt(100) * 300L);
    }

    /** {@code percent} % of all agreements: published ones adopted into a koppelzone of another municipality. */
    private static int adopt(Services services, Viewer actor, SetClock clock, int percent, SplittableRandom random,
                             Progress progress) {
        List<AgreementListItem> all = services.agreements().list(null, null, actor);
        List<AgreementListItem> published = all.stream()
                .filter(item -> item.endorsedRevision() != null && item.status() != AgreementStatus.VERVALLEN).toList();
        List<Koppelzone> koppelzones = services.koppelzones().allWithParties().stream().map(KoppelzoneService.Details::koppelzone).toList();
        int wanted = (int) ((long) all.size() * percent / 100);
        List<Instant> moments = new ArrayList<>();
        for (int i = 0; i < wanted; i++) {
            moments.add(someDay(random));
        }
        moments.sort(null);
        int done = 0;
        for (int i = 0; i < wanted && !published.isEmpty() && koppelzones.size() > 1; i++) {
            AgreementListItem source = published.get(random.nextInt(published.size()));
            Koppelzone target = koppelzones.get(random.nextInt(koppelzones.size()));
            if (target.municipality().slug().equals(source.municipalitySlug())) {
                continue;
            }
            clock.set(moments.get(i));
            try {
                services.adoptions().adopt(source.id(), target.slug(), Map.of(), actor);
                done++;
            } catch (RuntimeException e) {
                // no party of the target can stand in for the source's: a person would not adopt it there either
            }
            progress.step("adopting", i + 1, wanted);
        }
        return done;
    }

    /**
     * Per koppelzone, {@code perKoppelzone} meetings on days after the last revision: planned two weeks
     * ahead (the agenda is proposed then), one concept agreement put on the agenda, decisions on up to
     * three agreement items with minutes, then closed. The last one is left planned in the future.
     */
    private static int[] meet(Services services, Viewer actor, SetClock clock, int perKoppelzone, SplittableRandom random,
                              Progress progress) {
        List<Koppelzone> koppelzones = services.koppelzones().allWithParties().stream().map(KoppelzoneService.Details::koppelzone).toList();
        int meetings = 0;
        int decisions = 0;
        int refused = 0;
        for (int k = 0; k < koppelzones.size(); k++) {
            Koppelzone koppelzone = koppelzones.get(k);
            LocalDate day = FROM.plusDays(random.nextInt(40));
            for (int m = 0; m < perKoppelzone; m++) {
                boolean upcoming = m == perKoppelzone - 1;
                LocalDate date = upcoming ? LocalDate.parse(UNTIL).plusDays(10 + random.nextInt(40)) : day;
                clock.set(date.minusDays(14).atTime(9, 0).toInstant(ZoneOffset.UTC));
                Meeting meeting = services.meetings().plan(koppelzone, new Meetings.Plan(date.toString(), "14:00", "16:00",
                        "Gemeentehuis " + koppelzone.municipality().name(), List.of()), actor);
                meetings++;
                if (!upcoming) {
                    clock.set(LocalDateTime.of(date, java.time.LocalTime.of(15, 55)).atZone(Meetings.DUTCH_TIME).toInstant());
                    int[] outcome = decide(services, actor, koppelzone, meeting, random);
                    decisions += outcome[0];
                    refused += outcome[1];
                    services.meetingRecording().close(meeting.id(), actor);
                }
                day = day.plusDays(35 + random.nextInt(30));
            }
            progress.step("meetings", k + 1, koppelzones.size());
        }
        return new int[] {meetings, decisions, refused};
    }

    /** Decisions on up to three agenda items about agreements; a move the lifecycle refuses counts as refused. */
    private static int[] decide(Services services, Viewer actor, Koppelzone koppelzone, Meeting meeting, SplittableRandom random) {
        services.agreements().list(koppelzone.id(), AgreementStatus.CONCEPT, actor).stream().findFirst()
                .ifPresent(concept -> services.meetingRecording().addAgreement(meeting.id(), concept.id(), actor));
        List<Item> items = services.meetings().record(meeting.id()).items().stream().filter(Item::aboutAgreement).toList();
        int decided = 0;
        int refused = 0;
        for (Item item : items.subList(0, Math.min(3, items.size()))) {
            DecisionKind kind = item.kind() == Kind.ONDERHOUD ? DecisionKind.HERZIENING
                    : item.kind() == Kind.BEKRACHTIGING ? DecisionKind.AANGEHOUDEN
                    : random.nextInt(10) == 0 ? DecisionKind.VERVALLEN : DecisionKind.VASTGESTELD;
            LocalDate review = kind == DecisionKind.HERZIENING ? LocalDate.ofInstant(meeting.startsAt(), ZoneOffset.UTC).plusYears(1) : null;
            try {
                services.meetingRecording().saveMinutes(meeting.id(), item.id(), "Besproken in het overleg; "
                        + kind.name().toLowerCase(Locale.ROOT) + ".");
                services.meetingRecording().decide(meeting.id(), item.id(), kind, "", review, actor);
                decided++;
            } catch (RuntimeException e) {
                refused++;
            }
        }
        return new int[] {decided, refused};
    }

    public static void main(String[] args) {
        Path data = null;
        int adoptions = 10;
        int meetings = 3;
        long seed = CorpusGenerator.DEFAULT_SEED;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--adoptions" -> adoptions = Integer.parseInt(args[++i]);
                case "--meetings" -> meetings = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (data == null) {
            System.err.println("usage: NationalActivity --data DIR [--adoptions PERCENT] [--meetings PER-KOPPELZONE] [--seed S]");
            System.exit(2);
        }
        long start = System.nanoTime();
        Summary s = run(data, adoptions, meetings, seed, Progress.to(System.err));
        System.err.printf(Locale.US, "[activity] done: %,d adoptions, %,d meetings, %,d decisions (%,d refused by the lifecycle) "
                + "in %.1f s%n", s.adoptions(), s.meetings(), s.decisions(), s.refused(), (System.nanoTime() - start) / 1e9);
        System.exit(0);
    }
}
