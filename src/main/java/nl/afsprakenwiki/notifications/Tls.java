package nl.afsprakenwiki.notifications;

import java.util.Locale;

/** How the connection to the SMTP server is protected ({@code AFSPRAKENWIKI_SMTP_TLS}). */
public enum Tls {
    /** Plain SMTP, e.g. to a relay on the same host or in the same private network. */
    NONE,
    /** Plain connection upgraded with STARTTLS, which is then required (usually port 587). */
    STARTTLS,
    /** TLS from the first byte ("SMTPS", usually port 465). */
    TLS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The setting's value; anything else is refused with the values that are allowed. */
    public static Tls parse(String value) {
        for (Tls tls : values()) {
            if (tls.code().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return tls;
            }
        }
        throw new IllegalArgumentException("AFSPRAKENWIKI_SMTP_TLS moet none, starttls of tls zijn, niet '" + value + "'");
    }
}
