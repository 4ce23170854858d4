package nl.afsprakenwiki.markdown;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The rendered HTML of stored revisions, kept in memory by size rather than by count. At national
 * scale (35,000 agreements) a few thousand revisions held as strings missed most first views; HTML
 * compresses about fourfold, so the recently used ones are kept deflated (fast level), bounded by
 * their compressed bytes, and the most recently used few also as strings, so the busiest pages skip
 * the inflating. Least recently used entries go first in both.
 */
final class HtmlCache {

    private record Packed(byte[] bytes, int length) {
    }

    private final long maxPackedBytes;
    private long packedBytes;
    private final LinkedHashMap<Long, String> hot;
    private final LinkedHashMap<Long, Packed> packed = new LinkedHashMap<>(1024, 0.75f, true);

    /** {@code hotEntries} kept as strings, the rest deflated up to {@code maxPackedBytes} in all. */
    HtmlCache(int hotEntries, long maxPackedBytes) {
        this.maxPackedBytes = maxPackedBytes;
        this.hot = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
                return size() > hotEntries;
            }
        };
    }

    String get(long revisionId) {
        Packed found;
        synchronized (this) {
            String html = hot.get(revisionId);
            if (html != null) {
                return html;
            }
            found = packed.get(revisionId);
        }
        if (found == null) {
            return null;
        }
        String html = inflate(found);
        synchronized (this) {
            hot.put(revisionId, html);
        }
        return html;
    }

    void put(long revisionId, String html) {
        Packed deflated = deflate(html);
        synchronized (this) {
            hot.put(revisionId, html);
            Packed old = packed.put(revisionId, deflated);
            packedBytes += deflated.bytes().length - (old == null ? 0 : old.bytes().length);
            var eldest = packed.entrySet().iterator();
            while (packedBytes > maxPackedBytes && eldest.hasNext()) {
                Map.Entry<Long, Packed> entry = eldest.next();
                packedBytes -= entry.getValue().bytes().length;
                hot.remove(entry.getKey());
                eldest.remove();
            }
        }
    }

    /** Keeps {@code html} among the strings only (it is kept elsewhere, deflated: in a file rendered ahead). */
    synchronized void keepHot(long revisionId, String html) {
        hot.put(revisionId, html);
    }

    synchronized void remove(long revisionId) {
        hot.remove(revisionId);
        Packed old = packed.remove(revisionId);
        if (old != null) {
            packedBytes -= old.bytes().length;
        }
    }

    synchronized long packedBytes() {
        return packedBytes;
    }

    synchronized int size() {
        return packed.size();
    }

    /** How many bytes {@code html} takes deflated, as kept here. */
    static int packedSize(String html) {
        return deflate(html).bytes().length;
    }

    private static Packed deflate(String html) {
        byte[] raw = html.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 3 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return new Packed(out.toByteArray(), raw.length);
        } finally {
            deflater.end();
        }
    }

    private static String inflate(Packed packed) {
        Inflater inflater = Inflaters.take();
        try {
            inflater.setInput(packed.bytes());
            byte[] raw = new byte[packed.length()];
            int done = 0;
            while (done < raw.length) {
                int n = inflater.inflate(raw, done, raw.length - done);
                if (n == 0 && (inflater.finished() || inflater.needsInput())) {
                    break;
                }
                done += n;
            }
            if (done != raw.length) {
                throw new IllegalStateException("kept HTML inflated to " + done + " of " + raw.length + " bytes");
            }
            return new String(raw, StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("kept HTML does not inflate", e);
        } finally {
            Inflaters.giveBack(inflater);
        }
    }
}
