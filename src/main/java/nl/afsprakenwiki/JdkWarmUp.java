package nl.afsprakenwiki;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Initialises, beside the start-up, two parts of the JDK that the web server's own start would
 * otherwise initialise on the main thread, one after the other, while everything else waits: the
 * table of every available locale (Jetty's {@code MimeTypes} asks for it) and the platform MBean
 * server (Jetty's {@code MemoryUtils} asks for it). Together about 0.35 s on the start-up's critical
 * path on a 2-core machine. Whichever thread comes first initialises them; the other waits for it
 * (the JVM's class initialisation), so nothing is done twice and the result is the same.
 */
final class JdkWarmUp {

    private JdkWarmUp() {
    }

    /** Initialises both; the server runs it on a thread of its own ({@code ServeCommand}). */
    static void run() {
        Locale.getAvailableLocales();
        ManagementFactory.getPlatformMBeanServer();
    }
}
