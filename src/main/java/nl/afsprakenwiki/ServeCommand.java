package nl.afsprakenwiki;

import io.javalin.Javalin;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.search.SearchIndex;
import nl.afsprakenwiki.search.analysis.DutchAnalysis;
import nl.afsprakenwiki.text.Progress;
import nl.afsprakenwiki.transfer.Importer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve}: claims the data directory, checks the port, starts the server and keeps it running
 * until the process is told to stop (or, in a test, {@link #stop()}). Everything it opened is closed
 * again on the way out, also when starting fails half-way.
 */
final class ServeCommand {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    /** How long after the server answers the password dictionaries load (or on first use, if sooner). */
    private static final Duration PASSWORD_DICTIONARIES_AFTER = Duration.ofSeconds(20);
    /**
     * How long after the server answers visitors' similar agreements are found ahead (see
     * {@code SimilarLists}) and the agreement texts rendered ahead (see {@code RenderedAhead}).
     */
    private static final Duration SIMILAR_LISTS_AFTER = Duration.ofSeconds(10);

    private final PrintStream out;
    private final PrintStream err;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    ServeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @SuppressWarnings("try") // the data directory stays claimed for the whole block
    int run(Settings settings) {
        try (DataDirectory claimed = DataDirectory.lock(settings.dataDir())) {
            checkPortFree(settings);
            background("jdk-warm-up", JdkWarmUp::run);
            // the search's word lists load while the database opens: start-up to the first search
            CompletableFuture<DutchAnalysis> analysis = CompletableFuture.supplyAsync(DutchAnalysis::load);
            Database db = DataDirectory.openDatabase(settings);
            Services services = null;
            try {
                services = Services.create(settings, db, Clock.systemUTC());
                services.search().analysisFrom(analysis);
                return serve(settings, services);
            } finally {
                if (services != null) {
                    services.renderedAhead().close();
                    services.findingKeeper().stop();
                    services.daily().close();
                    services.outbox().close();
                    services.search().close();
                }
                db.close();
            }
        } finally {
            stopped.countDown();
        }
    }

    private int serve(Settings settings, Services services) {
        if (settings.demo()) {
            Importer.Report report = services.demo().loadIfEmpty(Progress.to(err));
            out.println(report == null ? "Database bevat al afspraken; demo-inhoud niet geladen."
                    : "Demo-inhoud geladen: " + report.created() + " afspraken, " + report.revisions() + " revisies.");
        }
        try {
            // The index keeps up with the database from here on; changes are searchable within a second.
            services.search().index().start();
        } catch (SearchIndex.Locked e) {
            throw new CommandFailed("de zoekindex in " + settings.dataDir() + " is in gebruik door een ander proces; "
                    + "stop dat eerst", e);
        }
        // mail committed before a crash or a stop goes out now; says once when mail is off
        services.outbox().start();
        // the digest and the due-date reminders, once a day; a day missed while down is caught up now
        services.daily().start();
        // the register of privacy findings scans what changed (after an upgrade: the whole history)
        services.findingKeeper().start();
        // the first searches run while the web server is set up, not for the first person to search
        background("search-warm-up", () -> services.search().service().warmUp());
        Javalin app = App.create(services);
        try {
            start(app, settings);
            // the password dictionaries (a second of CPU) load once the start-up's work is done, not
            // for the first new account and not beside the start-up on the same cores
            background("password-dictionaries", () -> {
                pause(PASSWORD_DICTIONARIES_AFTER);
                services.accounts().warmUp();
            });
            // visitors' similar agreements found ahead (a file's check, or a pass at most half a core
            // when the published texts have none yet) start once the start-up's work is done too
            background("similar-lists-start", () -> {
                pause(SIMILAR_LISTS_AFTER);
                services.search().service().similar().findAhead();
                // and the texts readers open first rendered ahead (a file's binding, or a pass at most half a core)
                services.renderedAhead().start();
            });
            Thread hook = new Thread(this::stopAndWait, "shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            announce(settings, services, app.port());
            awaitStop();
            removeQuietly(hook);
            return 0;
        } finally {
            app.stop();
        }
    }

    /**
     * Fails early, before the database is opened, when something else listens on the port; the
     * server's own bind below still catches a port taken in the meantime.
     */
    private static void checkPortFree(Settings settings) {
        if (settings.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(settings.host(), settings.port()));
        } catch (IOException e) {
            throw portInUse(settings, e);
        }
    }

    /** Starts the server; a port taken since the check above becomes a {@link CommandFailed} too. */
    static void start(Javalin app, Settings settings) {
        try {
            app.start();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException) {
                    throw portInUse(settings, e);
                }
            }
            throw e;
        }
    }

    private static CommandFailed portInUse(Settings settings, Exception e) {
        return new CommandFailed("poort " + settings.port() + " op " + settings.host()
                + " is al in gebruik of niet beschikbaar; stop het andere programma of kies een andere poort met --port of PORT", e);
    }

    private void announce(Settings settings, Services services, int port) {
        out.println("Afsprakenwiki draait op http://localhost:" + port + "/  (data: " + settings.dataDir() + ")");
        if (services.accounts().noAccounts()) {
            String base = settings.baseUrl().isEmpty() ? "http://localhost:" + port : settings.baseUrl();
            out.println("Er zijn nog geen accounts. Maak de eerste beheerder aan via deze eenmalige link:");
            out.println("  " + base + services.firstStart().path());
            out.println("of met: java -jar target/afsprakenwiki.jar user add NAAM --name \"Uw naam\" --admin");
        }
        out.flush();
    }

    private void awaitStop() {
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks a running server to stop and return from {@link #run}. */
    void stop() {
        stopRequested.countDown();
    }

    /** At JVM shutdown: the JVM ends when its hooks return, so wait until everything is closed. */
    private void stopAndWait() {
        stop();
        try {
            stopped.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs {@code work} on a daemon thread of its own. A failure is logged and the server goes on (what
     * the work prepares is then done on first use); one while the server is stopping is expected.
     */
    private void background(String name, Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                if (stopRequested.getCount() > 0) {
                    LOG.warn("{} failed; what it prepares is done on first use instead", name, e);
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it waits for us to finish closing
        }
    }
}
