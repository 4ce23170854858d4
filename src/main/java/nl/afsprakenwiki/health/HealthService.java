package nl.afsprakenwiki.health;

import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.health.Health.Chart;
import nl.afsprakenwiki.health.Health.Row;
import nl.afsprakenwiki.health.Health.Series;
import nl.afsprakenwiki.health.HealthRecords.AgreementRow;
import nl.afsprakenwiki.health.HealthRecords.Facts;
import nl.afsprakenwiki.health.HealthRecords.ReviewChange;
import nl.afsprakenwiki.health.HealthRecords.RoundRow;
import nl.afsprakenwiki.koppelzones.Koppelzone;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Derives the health series of a koppelzone from what the database records; nothing is stored for
 * it. Times are read in Dutch time (Europe/Amsterdam): a month ends at midnight before the 1st, a
 * quarter is a calendar quarter.
 *
 * <p>The window: one point per month for the last 24 months up to and including the current one, or
 * from the month of the koppelzone's first agreement (or first waardelek, if earlier) when that is
 * later. A past month's point is its last millisecond; the current month's point is now. The
 * quarterly series cover the quarters of the same months.
 *
 * <ol>
 *   <li><b>status</b>: per point, the koppelzone's agreements created at or before it, by their status
 *       at that moment, derived from the lifecycle's own records: <em>vervallen</em> once
 *       {@code retired_at} has passed; otherwise <em>ter bekrachtiging</em> while an endorsement round
 *       is open (proposed, not yet closed); otherwise <em>bekrachtigd</em> once a round has closed as
 *       endorsed; otherwise <em>concept</em>. At "now" this equals {@code agreement.status}, except after a
 *       re-import that moved an existing agreement back to concept or out of vervallen, which the rounds do
 *       not record (HealthTest checks the equality for every path through the wiki itself).</li>
 *   <li><b>bekrachtigingsduur</b>: per quarter of endorsement (a round closing as endorsed, not an
 *       imported one), the number of endorsements and the median number of days from proposal to
 *       endorsement. The proposal is the first round that proposed that same revision of the agreement,
 *       so a restart after the parties changed, or a withdrawal and a new proposal of the same revision,
 *       does not reset the clock. No endorsement in a quarter: no median.</li>
 *   <li><b>herzieningsdatum</b>: per point, of the agreements bekrachtigd at that moment (as in 1),
 *       how many had a review date before that day, and their share in percent. The review date at
 *       a moment is the last one recorded at or before it: an endorsement sets it to 12 months after
 *       the day of endorsement, and the audit log records each later change ("agreement.reviewDate",
 *       "agreement.details"). An agreement with no recorded change before that moment (an import)
 *       counts with its current review date.</li>
 *   <li><b>waardelekken</b>: per quarter, the leaks reported in it ({@code leak.created_at}) and the
 *       leaks that were marked solved in it (a {@code leak_event} of kind status to opgelost; a leak
 *       solved twice in one quarter counts once).</li>
 * </ol>
 */
public final class HealthService {

    public static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");
    public static final int MONTHS = 24;
    static final List<String> STATUSES = List.of("concept", "ter_bekrachtiging", "bekrachtigd", "vervallen");

    private final Database db;
    private final Clock clock;

    public HealthService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Health health(Koppelzone koppelzone) {
        Instant now = clock.instant();
        Facts facts = db.read(handle -> HealthRecords.read(handle, koppelzone.id()));
        List<YearMonth> months = months(facts, now);
        List<String> quarters = months.stream().map(HealthService::quarter).distinct().toList();
        return new Health(koppelzone, now, List.of(status(facts, months, now), endorsementDays(facts, quarters),
                pastReview(facts, months, now), leaks(facts, quarters)));
    }

    /** The moment a month's point stands for: its last millisecond, or now for the current month. */
    static Instant point(YearMonth month, Instant now) {
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(DUTCH_TIME).toInstant().minusMillis(1);
        return end.isAfter(now) ? now : end;
    }

    static String quarter(YearMonth month) {
        return month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
    }

    static String quarter(Instant at) {
        return quarter(YearMonth.from(at.atZone(DUTCH_TIME)));
    }

    private static List<YearMonth> months(Facts facts, Instant now) {
        YearMonth current = YearMonth.from(now.atZone(DUTCH_TIME));
        YearMonth start = current.minusMonths(MONTHS - 1);
        Instant first = Stream.concat(facts.agreements().stream().map(AgreementRow::created), facts.leaksReported().stream())
                .min(Comparator.naturalOrder()).orElse(now);
        YearMonth firstMonth = YearMonth.from(first.atZone(DUTCH_TIME));
        if (firstMonth.isAfter(start)) {
            start = firstMonth.isAfter(current) ? current : firstMonth;
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = start; !month.isAfter(current); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    /** The status of an agreement at {@code at} (it exists then), from its rounds and retirement. */
    static String statusAt(AgreementRow agreement, List<RoundRow> rounds, Instant at) {
        if (agreement.retired() != null && !agreement.retired().isAfter(at)) {
            return "vervallen";
        }
        boolean open = false;
        boolean endorsed = false;
        for (RoundRow round : rounds) {
            if (round.proposed().isAfter(at)) {
                continue;
            }
            if (round.closed() == null || round.closed().isAfter(at)) {
                open = true;
            } else if ("bekrachtigd".equals(round.outcome())) {
                endorsed = true;
            }
        }
        return open ? "ter_bekrachtiging" : endorsed ? "bekrachtigd" : "concept";
    }

    private static Series status(Facts facts, List<YearMonth> months, Instant now) {
        Map<Long, List<RoundRow>> rounds = roundsByAgreement(facts);
        List<Row> rows = new ArrayList<>();
        for (YearMonth month : months) {
            Instant at = point(month, now);
            int[] counts = new int[STATUSES.size()];
            for (AgreementRow agreement : facts.agreements()) {
                if (!agreement.created().isAfter(at)) {
                    counts[STATUSES.indexOf(statusAt(agreement, rounds.getOrDefault(agreement.id(), List.of()), at))]++;
                }
            }
            rows.add(new Row(month.toString(), Arrays.stream(counts).<Number>mapToObj(Integer::valueOf).toList()));
        }
        return new Series(Health.STATUS, Chart.LINES, "month", STATUSES, STATUSES, false, rows);
    }

    private static Series endorsementDays(Facts facts, List<String> quarters) {
        Map<String, Instant> firstProposal = new HashMap<>();
        for (RoundRow round : facts.rounds()) {
            if (!round.imported()) {
                firstProposal.merge(round.agreementId() + "/" + round.revision(), round.proposed(),
                        (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Map<String, List<Double>> days = new HashMap<>();
        for (RoundRow round : facts.rounds()) {
            if (!round.imported() && "bekrachtigd".equals(round.outcome()) && round.closed() != null) {
                Instant proposed = firstProposal.get(round.agreementId() + "/" + round.revision());
                double elapsed = Duration.between(proposed, round.closed()).toMillis() / 86_400_000.0;
                days.computeIfAbsent(quarter(round.closed()), q -> new ArrayList<>()).add(elapsed);
            }
        }
        List<Row> rows = quarters.stream().map(quarter -> {
            List<Double> found = days.getOrDefault(quarter, List.of());
            return new Row(quarter, values(found.size(), found.isEmpty() ? null : round(median(found))));
        }).toList();
        return new Series(Health.ENDORSEMENT_DAYS, Chart.BARS, "quarter", List.of("endorsements", "median_days"),
                List.of("median_days"), false, rows);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** One decimal, half up: what the table, the file and the JSON show. */
    static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    private static Series pastReview(Facts facts, List<YearMonth> months, Instant now) {
        Map<Long, List<RoundRow>> rounds = roundsByAgreement(facts);
        Map<Long, List<ReviewChange>> changes = new HashMap<>();
        for (ReviewChange change : facts.reviewChanges()) {
            changes.computeIfAbsent(change.agreementId(), id -> new ArrayList<>()).add(change);
        }
        for (RoundRow round : facts.rounds()) {
            if (!round.imported() && "bekrachtigd".equals(round.outcome()) && round.closed() != null) {
                changes.computeIfAbsent(round.agreementId(), id -> new ArrayList<>()).add(new ReviewChange(round.agreementId(),
                        round.closed(), LocalDate.ofInstant(round.closed(), DUTCH_TIME).plusMonths(Agreement.REVIEW_MONTHS)));
            }
        }
        changes.values().forEach(list -> list.sort(Comparator.comparing(ReviewChange::at)));
        List<Row> rows = new ArrayList<>();
        for (YearMonth month : months) {
            Instant at = point(month, now);
            LocalDate day = LocalDate.ofInstant(at, DUTCH_TIME);
            int endorsed = 0;
            int past = 0;
            for (AgreementRow agreement : facts.agreements()) {
                if (agreement.created().isAfter(at)
                        || !statusAt(agreement, rounds.getOrDefault(agreement.id(), List.of()), at).equals("bekrachtigd")) {
                    continue;
                }
                endorsed++;
                LocalDate review = reviewDateAt(agreement, changes.getOrDefault(agreement.id(), List.of()), at);
                if (review != null && review.isBefore(day)) {
                    past++;
                }
            }
            rows.add(new Row(month.toString(), values(endorsed, past,
                    endorsed == 0 ? null : round(100.0 * past / endorsed))));
        }
        return new Series(Health.PAST_REVIEW, Chart.LINES, "month", List.of("endorsed", "past_review", "share_past_review"),
                List.of("share_past_review"), true, rows);
    }

    private static LocalDate reviewDateAt(AgreementRow agreement, List<ReviewChange> changes, Instant at) {
        ReviewChange last = null;
        for (ReviewChange change : changes) {
            if (!change.at().isAfter(at)) {
                last = change;
            }
        }
        return last == null ? agreement.reviewDate() : last.date();
    }

    private static Series leaks(Facts facts, List<String> quarters) {
        Map<String, Integer> reported = new HashMap<>();
        facts.leaksReported().forEach(at -> reported.merge(quarter(at), 1, Integer::sum));
        Map<String, Set<Long>> solved = new HashMap<>();
        facts.leaksSolved().forEach(event -> solved.computeIfAbsent(quarter(event.getValue()), q -> new HashSet<>())
                .add(event.getKey()));
        List<Row> rows = quarters.stream().map(quarter -> new Row(quarter, values(reported.getOrDefault(quarter, 0),
                solved.getOrDefault(quarter, Set.of()).size()))).toList();
        return new Series(Health.LEAKS, Chart.BARS, "quarter", List.of("reported", "solved"), List.of("reported", "solved"),
                false, rows);
    }

    private static List<Number> values(Number... values) {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    private static Map<Long, List<RoundRow>> roundsByAgreement(Facts facts) {
        Map<Long, List<RoundRow>> byAgreement = new HashMap<>();
        facts.rounds().forEach(round -> byAgreement.computeIfAbsent(round.agreementId(), id -> new ArrayList<>()).add(round));
        return byAgreement;
    }
}
