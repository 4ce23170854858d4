package nl.afsprakenwiki.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The kinds of file an agreement may include, recognised by their content (magic bytes, and for the
 * zip-based office formats the entries inside), never by name or by what a browser claims. Anything
 * else — SVG, HTML, executables, a text file named .pdf — is not one of these.
 */
public enum FileType {
    PDF("pdf", "application/pdf", List.of("pdf")),
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx")),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx")),
    ODT("odt", "application/vnd.oasis.opendocument.text", List.of("odt")),
    ODS("ods", "application/vnd.oasis.opendocument.spreadsheet", List.of("ods")),
    PNG("png", "image/png", List.of("png")),
    JPEG("jpeg", "image/jpeg", List.of("jpg", "jpeg"));

    /** Largest file accepted, in the wiki and in an import: 10 MB. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** The OpenDocument {@code mimetype} entry is a few dozen bytes; more is not an OpenDocument file. */
    private static final int MAX_MIMETYPE = 100;

    private final String code;
    private final String contentType;
    private final List<String> extensions;

    FileType(String code, String contentType, List<String> extensions) {
        this.code = code;
        this.contentType = contentType;
        this.extensions = extensions;
    }

    /** The name stored with an attachment and shown in exports, e.g. {@code pdf}. */
    public String code() {
        return code;
    }

    /** The content type a download is served with: always this, never what was uploaded. */
    public String contentType() {
        return contentType;
    }

    /** The extensions a file name of this type may have (lower case). */
    public List<String> extensions() {
        return extensions;
    }

    /** Whether it may be shown inline in an agreement's text (PNG and JPEG; never SVG, which is not a type at all). */
    public boolean image() {
        return this == PNG || this == JPEG;
    }

    /** Whether {@code fileName}'s extension (case-insensitive) is one of this type's. */
    public boolean matchesName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && extensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    public static Optional<FileType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }

    /** The type of the file's content, or empty when it is none of the accepted types. */
    public static Optional<FileType> detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        if (startsWith(head, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(head, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, ZIP_MAGIC)) {
            return office(file);
        }
        return Optional.empty();
    }

    /**
     * OpenDocument: the first entry is {@code mimetype} holding the document's type. Office Open XML:
     * a {@code [Content_Types].xml} entry and the {@code word/} or {@code xl/} part.
     */
    private static Optional<FileType> office(Path file) {
        try {
            Optional<String> mimetype = openDocumentType(file);
            if (mimetype.isPresent()) {
                return switch (mimetype.get()) {
                    case "application/vnd.oasis.opendocument.text" -> Optional.of(ODT);
                    case "application/vnd.oasis.opendocument.spreadsheet" -> Optional.of(ODS);
                    default -> Optional.empty();
                };
            }
            boolean contentTypes = false;
            boolean word = false;
            boolean excel = false;
            try (ZipFile zip = new ZipFile(file.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    String name = entries.nextElement().getName();
                    contentTypes |= name.equals("[Content_Types].xml");
                    word |= name.startsWith("word/");
                    excel |= name.startsWith("xl/");
                }
            }
            if (contentTypes && word != excel) {
                return Optional.of(word ? DOCX : XLSX);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // not a readable zip: not an office document either
            return Optional.empty();
        }
    }

    private static Optional<String> openDocumentType(Path file) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry first = zip.getNextEntry();
            if (first == null || !first.getName().equals("mimetype")) {
                return Optional.empty();
            }
            byte[] content = zip.readNBytes(MAX_MIMETYPE + 1);
            if (content.length > MAX_MIMETYPE) {
                return Optional.empty();
            }
            return Optional.of(new String(content, StandardCharsets.US_ASCII).strip());
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
