package nl.afsprakenwiki.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.NotFoundResponse;
import nl.afsprakenwiki.text.Hashes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the files of one folder on the class path (the site's own {@code static} files, the
 * webjars' {@code META-INF/resources/webjars}) under a route {@code .../<path>}: as they are, with
 * their type, a cache lifetime and an ETag (a repeated request with {@code If-None-Match} gets 304).
 *
 * <p>Read through the class loader, which already has the application jar open. Javalin's own
 * static-file handler lets Jetty open the jar once more per folder as a zip file system, reading the
 * directory of its 20,000 entries each time: about a second of the server's start-up.
 *
 * <p>Only names made of ordinary file-name characters are looked up (no {@code ..}, no empty or
 * hidden segments), folders are not served, and a file once read is kept (the folder's files are
 * part of the build: a few megabytes at most); a name that is not found is not remembered.
 */
public final class ClasspathFiles implements Handler {

    /** One segment of a file's path: letters, digits and {@code . _ - @ + ~}, not beginning with a dot. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_@+~-][A-Za-z0-9._@+~-]*");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("gif", "image/gif"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("webp", "image/webp"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("eot", "application/vnd.ms-fontobject"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("md", "text/plain; charset=utf-8"),
            Map.entry("html", "text/html; charset=utf-8"));

    private record File(byte[] bytes, String type, String etag) {
    }

    private final String folder;
    private final String cacheControl;
    private final ClassLoader loader = ClasspathFiles.class.getClassLoader();
    private final Map<String, File> files = new ConcurrentHashMap<>();

    /**
     * @param folder       the folder on the class path, e.g. {@code static} (no leading or trailing slash)
     * @param cacheControl the {@code Cache-Control} of every file
     */
    public ClasspathFiles(String folder, String cacheControl) {
        this.folder = folder;
        this.cacheControl = cacheControl;
    }

    /** The file named by the route's {@code path} parameter, or 404. */
    @Override
    public void handle(Context ctx) {
        String name = ctx.pathParam("path");
        if (!valid(name)) {
            throw new NotFoundResponse();
        }
        File file = files.get(name);
        if (file == null) {
            file = read(name);
            if (file == null) {
                throw new NotFoundResponse();
            }
            files.putIfAbsent(name, file);
        }
        ctx.header("Cache-Control", cacheControl);
        // Javalin answers 304 without the body when the request's If-None-Match is this ETag
        ctx.header("ETag", file.etag());
        ctx.contentType(file.type()).result(file.bytes());
    }

    /** Whether {@code name} is a relative path of ordinary file names. */
    public static boolean valid(String name) {
        if (name == null || name.isEmpty() || name.length() > 300) {
            return false;
        }
        for (String segment : name.split("/", -1)) {
            if (!NAME.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The file, or null when there is none by that name (or it is a folder). */
    private File read(String name) {
        URL url = loader.getResource(folder + "/" + name);
        if (url == null) {
            return null;
        }
        try {
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar && jar.getJarEntry().isDirectory()) {
                return null;
            }
            if ("file".equals(url.getProtocol()) && !Files.isRegularFile(Path.of(url.toURI()))) {
                return null;
            }
            byte[] bytes;
            try (InputStream in = connection.getInputStream()) {
                bytes = in.readAllBytes();
            }
            String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            return new File(bytes, TYPES.getOrDefault(extension, "application/octet-stream"), etag(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String etag(byte[] bytes) {
        return "\"" + HexFormat.of().formatHex(Hashes.sha256Bytes(bytes), 0, 16) + "\"";
    }
}
