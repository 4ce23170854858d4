package nl.afsprakenwiki.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An API error answered as {@code application/problem+json} (RFC 9457): a status, a short title,
 * a precise Dutch detail and optional extra members (such as both texts of a conflict).
 */
public final class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String type, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public ProblemException(int status, String title, String detail) {
        this(status, "about:blank", title, detail, Map.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
