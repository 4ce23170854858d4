package nl.afsprakenwiki.text;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Client addresses as people read them: IPv4 in dotted form, IPv6 in its short form (RFC 5952,
 * {@code ::1} rather than {@code 0:0:0:0:0:0:0:1}), and an IPv4-mapped IPv6 address
 * ({@code ::ffff:127.0.0.1}) as the IPv4 address it is. Used where an address is recorded and
 * where an old record is shown. Never resolves a name: text that is no address literal stays as it is.
 */
public final class IpAddress {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpAddress() {
    }

    /** The address in its usual written form; null stays null, anything that is no address comes back stripped. */
    public static String normalise(String address) {
        if (address == null) {
            return null;
        }
        String text = address.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        int zone = text.indexOf('%');
        String zoneSuffix = zone < 0 ? "" : text.substring(zone);
        String bare = zone < 0 ? text : text.substring(0, zone);
        if (IPV4.matcher(bare).matches() && zone < 0) {
            int[] parts = ipv4(bare);
            return parts == null ? text : parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3];
        }
        if (!bare.contains(":") || !IPV6_CHARACTERS.matcher(bare).matches()) {
            return text;
        }
        int[] groups = ipv6(bare);
        if (groups == null) {
            return text;
        }
        if (zone < 0 && groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0
                && groups[5] == 0xffff) {
            return (groups[6] >> 8) + "." + (groups[6] & 0xff) + "." + (groups[7] >> 8) + "." + (groups[7] & 0xff);
        }
        return shortForm(groups) + zoneSuffix;
    }

    private static int[] ipv4(String text) {
        var matcher = IPV4.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        int[] parts = new int[4];
        for (int i = 0; i < 4; i++) {
            parts[i] = Integer.parseInt(matcher.group(i + 1));
            if (parts[i] > 255) {
                return null;
            }
        }
        return parts;
    }

    /** The eight 16-bit groups, or null when the text is no IPv6 address. */
    private static int[] ipv6(String text) {
        int[] groups = new int[8];
        String head = text;
        String tail = "";
        int gap = text.indexOf("::");
        if (gap >= 0) {
            if (text.indexOf("::", gap + 1) >= 0) {
                return null;
            }
            head = text.substring(0, gap);
            tail = text.substring(gap + 2);
        }
        int[] front = groups(head);
        int[] back = groups(tail);
        if (front == null || back == null) {
            return null;
        }
        int total = front.length + back.length;
        if (gap < 0 ? total != 8 : total > 7) {
            return null;
        }
        System.arraycopy(front, 0, groups, 0, front.length);
        System.arraycopy(back, 0, groups, 8 - back.length, back.length);
        return groups;
    }

    private static int[] groups(String part) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] pieces = part.split(":", -1);
        boolean embedsIpv4 = pieces[pieces.length - 1].contains(".");
        int[] groups = new int[pieces.length + (embedsIpv4 ? 1 : 0)];
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            if (i == pieces.length - 1 && embedsIpv4) {
                int[] v4 = ipv4(piece);
                if (v4 == null) {
                    return null;
                }
                groups[i] = v4[0] << 8 | v4[1];
                groups[i + 1] = v4[2] << 8 | v4[3];
            } else if (piece.isEmpty() || piece.length() > 4 || piece.contains(".")) {
                return null;
            } else {
                groups[i] = Integer.parseInt(piece, 16);
            }
        }
        return groups;
    }

    /** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups (the first of equals) as "::". */
    private static String shortForm(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]).toLowerCase(Locale.ROOT));
        }
        return text.toString();
    }
}
