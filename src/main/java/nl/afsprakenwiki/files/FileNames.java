package nl.afsprakenwiki.files;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Display names of attachments made safe: no folders, only ASCII letters, digits, '.', '_' and '-',
 * a lower-case extension. Such a name is the same in a URL, a {@code Content-Disposition} header, a
 * markdown link ({@code bijlage:naam.pdf}) and an exported folder on any file system.
 */
public final class FileNames {

    /** Longest name kept (the database allows 100). */
    public static final int MAX_LENGTH = 100;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");
    private static final Pattern DASHES = Pattern.compile("-{2,}");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*\\.[a-z0-9]{1,5}");

    private FileNames() {
    }

    /**
     * The safe form of an uploaded file's name ({@code C:\\map\\Stroomschema (v2).PNG} becomes
     * {@code Stroomschema-v2.png}), or empty when nothing usable is left or it has no extension.
     */
    public static Optional<String> clean(String uploaded) {
        if (uploaded == null) {
            return Optional.empty();
        }
        String name = uploaded.substring(Math.max(uploaded.lastIndexOf('/'), uploaded.lastIndexOf('\\')) + 1);
        name = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        name = UNSAFE.matcher(name.strip()).replaceAll("-");
        name = DASHES.matcher(name).replaceAll("-");
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String base = trim(name.substring(0, dot));
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (base.length() > MAX_LENGTH - 1 - extension.length()) {
            base = trim(base.substring(0, MAX_LENGTH - 1 - extension.length()));
        }
        String cleaned = base + "." + extension;
        return valid(cleaned) ? Optional.of(cleaned) : Optional.empty();
    }

    /** Whether {@code name} is already in the safe form (e.g. a name read back from an export). */
    public static boolean valid(String name) {
        return name != null && name.length() >= 3 && name.length() <= MAX_LENGTH && SAFE.matcher(name).matches()
                && !name.contains("..");
    }

    private static String trim(String base) {
        return base.replaceAll("^[.-]+|[.-]+$", "");
    }
}
