package nl.afsprakenwiki.web;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Turns for the work of page and API reads: as many at a time as there are cores, the others waiting
 * on their thread in order of arrival. {@link ActiveRequests} lets 16 reads into the application at
 * once (so that some may wait on the disk while others compute); without turns those 16 took turns
 * on two cores in slices, every one of them slowed by all the others, and a cheap page could wait
 * behind the slices of several expensive ones. With turns each read computes in one go, first come
 * first served: under the national load mix p99 fell from 187-235 to 97-101 ms at 16 connections
 * and from 428-543 to 329-342 ms at 64, with a fifth to a half more answers per second
 * (docs/BENCHMARKS.md, "Reads in turns").
 *
 * <p>A turn covers the request's filters and handler, not the sending of its answer: Javalin writes
 * the response after the last "after" filter, where the turn is given back, so a client that reads
 * slowly does not hold one. Writes (the database has one writer), the health check, page files and
 * attachments take no turn, the same requests {@link ActiveRequests} does not queue. A read that has
 * waited {@link #MOST_WAIT} goes ahead without a turn: a turn orders work, it must never stop it.
 * A read that waits on the disk keeps its turn meanwhile; the wiki's reads are computation on data the
 * operating system keeps in memory once read, so that is seldom long.
 */
public final class WorkTurns {

    private static final Logger LOG = LoggerFactory.getLogger(WorkTurns.class);

    /** Longest a read waits for a turn before it goes ahead without one. */
    public static final Duration MOST_WAIT = Duration.ofSeconds(5);

    private static final String HELD = WorkTurns.class.getName() + ".held";
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Semaphore turns;
    private final Pattern[] untaken;
    private final long mostWaitNanos;
    private final LongAdder taken = new LongAdder();
    private final LongAdder without = new LongAdder();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    /**
     * {@code turns} reads at work at a time; {@code unqueued} route paths (Javalin's syntax, as for
     * {@link ActiveRequests#handler}) take no turn.
     */
    public WorkTurns(int turns, Collection<String> unqueued) {
        this(turns, unqueued, MOST_WAIT);
    }

    WorkTurns(int turns, Collection<String> unqueued, Duration mostWait) {
        if (turns < 1) {
            throw new IllegalArgumentException("at least one turn, not " + turns);
        }
        this.turns = new Semaphore(turns, true);
        this.untaken = ActiveRequests.patterns(unqueued);
        this.mostWaitNanos = mostWait.toNanos();
    }

    /** One turn per core: the work of a read is computation on data in memory. */
    public static int defaultTurns() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Waits for the request's turn if it is a read that takes one; call {@link #end} for every request. */
    public void begin(Context ctx) {
        if (!ActiveRequests.queued(ctx.method().name(), ctx.path(), untaken)) {
            return;
        }
        try {
            if (turns.tryAcquire(mostWaitNanos, TimeUnit.NANOSECONDS)) {
                ctx.attribute(HELD, Boolean.TRUE);
                taken.increment();
                return;
            }
            without.increment();
            warn(ctx);
        } catch (InterruptedException e) {
            // the server is stopping: the request goes ahead without a turn
            Thread.currentThread().interrupt();
            without.increment();
        }
    }

    /** Gives the request's turn back, if it holds one; more calls do nothing. */
    public void end(Context ctx) {
        if (ctx.attribute(HELD) != null) {
            ctx.attribute(HELD, null);
            turns.release();
        }
    }

    /** Says so in the log, at most once a minute (under overload it would be many times a second). */
    private void warn(Context ctx) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warn("{} {} waited {} for a turn and goes ahead without one ({} so far): more work than the cores can carry",
                    ctx.method(), ctx.path(), Duration.ofNanos(mostWaitNanos), without.sum());
        }
    }

    /** How many turns are free now. */
    public int free() {
        return turns.availablePermits();
    }

    /** How many reads have had a turn since the start. */
    public long taken() {
        return taken.sum();
    }

    /** How many reads went ahead without a turn since the start, having waited too long. */
    public long wentAheadWithout() {
        return without.sum();
    }
}
