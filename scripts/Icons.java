import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the site's icons as PNG and ICO, the same picture as web/static/img/favicon.svg (two linked
 * rings on a blue square, on a 64-unit grid). Run from the repository root after changing the picture:
 * {@code java -Djava.awt.headless=true scripts/Icons.java web/static/img}
 */
public final class Icons {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "web/static/img");
        Files.createDirectories(dir);
        write(dir.resolve("apple-touch-icon.png"), png(draw(180, false)));
        write(dir.resolve("icon-192.png"), png(draw(192, false)));
        write(dir.resolve("icon-512.png"), png(draw(512, false)));
        List<byte[]> sizes = new ArrayList<>();
        for (int size : new int[]{16, 32, 48}) {
            sizes.add(png(draw(size, true)));
        }
        write(dir.resolve("favicon.ico"), ico(sizes, new int[]{16, 32, 48}));
    }

    /** The picture at {@code size} pixels; {@code rounded} keeps the corners transparent as in the SVG. */
    private static BufferedImage draw(int size, boolean rounded) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double unit = size / 64.0;
        g.setColor(new Color(0x0a4f96));
        if (rounded) {
            g.fill(new RoundRectangle2D.Double(0, 0, size, size, 28 * unit, 28 * unit));
        } else {
            g.fillRect(0, 0, size, size);
        }
        g.setStroke(new BasicStroke((float) (6 * unit)));
        g.setColor(Color.WHITE);
        g.draw(new Ellipse2D.Double(12 * unit, 20 * unit, 24 * unit, 24 * unit));
        g.setColor(new Color(0xffbf47));
        g.draw(new Ellipse2D.Double(28 * unit, 20 * unit, 24 * unit, 24 * unit));
        g.dispose();
        return image;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** An ICO file holding PNG images (supported by every browser since Windows Vista's format). */
    private static byte[] ico(List<byte[]> images, int[] sizes) {
        int header = 6 + 16 * images.size();
        int total = header + images.stream().mapToInt(bytes -> bytes.length).sum();
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0).putShort((short) 1).putShort((short) images.size());
        int offset = header;
        for (int i = 0; i < images.size(); i++) {
            out.put((byte) sizes[i]).put((byte) sizes[i]).put((byte) 0).put((byte) 0);
            out.putShort((short) 1).putShort((short) 32);
            out.putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        images.forEach(out::put);
        return out.array();
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        System.out.println(file + " " + bytes.length + " bytes");
    }
}
