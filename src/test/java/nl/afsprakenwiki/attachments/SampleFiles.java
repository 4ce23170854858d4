package nl.afsprakenwiki.attachments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small files of each kind, as their programs would start them, and a multipart body to send them in. */
public final class SampleFiles {

    private SampleFiles() {
    }

    public static final byte[] PNG = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
            "\0\0\0\rIHDR stroomschema".getBytes(StandardCharsets.ISO_8859_1));
    public static final byte[] OTHER_PNG = concat(PNG, "versie 2".getBytes(StandardCharsets.US_ASCII));
    public static final byte[] JPEG = concat(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}, "JFIF".getBytes(StandardCharsets.US_ASCII));
    public static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
    public static final byte[] HTML = "<!doctype html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);

    public static byte[] docx() {
        return zip(List.of(), Map.of("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>"));
    }

    public static byte[] xlsx() {
        return zip(List.of(), Map.of("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>"));
    }

    public static byte[] odt() {
        return zip(List.of("application/vnd.oasis.opendocument.text"), Map.of("content.xml", "<office:document-content/>"));
    }

    public static byte[] ods() {
        return zip(List.of("application/vnd.oasis.opendocument.spreadsheet"), Map.of("content.xml", "<x/>"));
    }

    /** A PDF of {@code bytes} bytes. */
    public static byte[] pdfOfSize(int bytes) {
        byte[] file = Arrays.copyOf(PDF, bytes);
        Arrays.fill(file, PDF.length, bytes, (byte) ' ');
        return file;
    }

    /** An OpenDocument zip starts with a stored {@code mimetype} entry; others are plain zips. */
    private static byte[] zip(List<String> mimetype, Map<String, String> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String type : mimetype) {
                byte[] content = type.getBytes(StandardCharsets.US_ASCII);
                ZipEntry entry = new ZipEntry("mimetype");
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(content.length);
                CRC32 crc = new CRC32();
                crc.update(content);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
            }
            for (Map.Entry<String, String> entry : new LinkedHashMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** A multipart/form-data body: the fields, then the file under {@code fileField}. */
    record Multipart(String contentType, byte[] body) {
        static Multipart of(Map<String, String> fields, String fileField, String fileName, String declaredType, byte[] content) {
            String boundary = "----afsprakenwiki" + Long.toHexString(System.nanoTime());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                    + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
            if (fileField != null) {
                out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.writeBytes(content);
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
        }
    }
}
