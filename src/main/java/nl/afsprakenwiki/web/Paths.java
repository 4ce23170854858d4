package nl.afsprakenwiki.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The addresses of the wiki's resources, written once: pages (Dutch paths) and the API. Handlers
 * redirect with these; feeds and calendar invitations prefix them with the {@link PublicAddress}.
 */
public final class Paths {

    private Paths() {
    }

    /** The manager's inbox of revisions awaiting their organisation's endorsement. */
    public static final String INBOX = "/ter-bekrachtiging";

    /** The agreement page, {@code /afspraken/{id}}. */
    public static String agreement(long id) {
        return "/afspraken/" + id;
    }

    /** A page below the agreement, e.g. {@code agreement(7, "/bronvoorstellen")}. */
    public static String agreement(long id, String below) {
        return agreement(id) + below;
    }

    /** The koppelzone page, {@code /koppelzones/{slug}}. */
    public static String koppelzone(String slug) {
        return "/koppelzones/" + segment(slug);
    }

    /** A page below the koppelzone, e.g. {@code koppelzone("tilburg", "/beheer")}. */
    public static String koppelzone(String slug, String below) {
        return koppelzone(slug) + below;
    }

    /** The meeting page, {@code /overleggen/{id}}. */
    public static String meeting(long id) {
        return "/overleggen/" + id;
    }

    /** The provider view of an organisation. */
    public static String organisation(String slug) {
        return "/organisaties/" + segment(slug);
    }

    /** An agreement in the API. */
    public static String apiAgreement(long id) {
        return "/api/v1/agreements/" + id;
    }

    /** A koppelzone in the API. */
    public static String apiKoppelzone(String slug) {
        return "/api/v1/koppelzones/" + segment(slug);
    }

    /** A municipality in the API. */
    public static String apiMunicipality(String slug) {
        return "/api/v1/municipalities/" + segment(slug);
    }

    /** A meeting in the API. */
    public static String apiMeeting(long id) {
        return "/api/v1/meetings/" + id;
    }

    /** {@code path} with the notice {@code ?melding=} the page shows once after a move. */
    public static String withNotice(String path, String notice) {
        return path + "?melding=" + URLEncoder.encode(notice, StandardCharsets.UTF_8);
    }

    /** Slugs are a–z, 0–9 and hyphens; anything else is encoded rather than trusted. */
    private static String segment(String slug) {
        return URLEncoder.encode(slug, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
