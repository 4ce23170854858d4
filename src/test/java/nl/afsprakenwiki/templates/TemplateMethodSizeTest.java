package nl.afsprakenwiki.templates;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every compiled template method stays small enough for the JIT. HotSpot never compiles a method
 * of more than 8,000 bytes of bytecode (-XX:+DontCompileHugeMethods, on by default): a page whose
 * body is such a method is interpreted for as long as the server runs, as the meeting page's body
 * (12,596 bytes) was. Its quick compiler also gave up on the agreement page's body (4,244 bytes,
 * "out of virtual registers"), which kept it from the optimising compiler. A template grows past
 * the limit when one file holds a whole page; a part of it moved to a template of its own is a
 * method of its own.
 */
class TemplateMethodSizeTest {

    /** HotSpot's HugeMethodLimit. */
    static final int NEVER_COMPILED_ABOVE = 8_000;
    /** The largest template method allowed here: with room below the limit, as pages grow by a field at a time. */
    static final int MOST = 6_000;

    private static final Path TEMPLATES = Path.of("target/classes/gg/jte/generated/precompiled");

    @Test
    void everyTemplateMethodIsSmallEnoughToBeCompiled() throws IOException {
        assertThat(TEMPLATES).as("the precompiled templates (mvn compile makes them)").isDirectory();
        List<String> tooLarge = new ArrayList<>();
        int methods = 0;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                for (Method method : methods(Files.readAllBytes(file))) {
                    methods++;
                    if (!method.name().equals("<clinit>") && method.codeLength() > MOST) {
                        tooLarge.add(TEMPLATES.relativize(file) + " " + method.name() + ": " + method.codeLength() + " bytes");
                    }
                }
            }
        }
        assertThat(methods).as("template methods read").isGreaterThan(200);
        assertThat(tooLarge).as("template methods above %,d bytes of bytecode (HotSpot compiles none above %,d)",
                MOST, NEVER_COMPILED_ABOVE).isEmpty();
    }

    @Test
    void theReaderMeasuresMethodsAsTheJvmCountsThem() throws IOException {
        // this class's own methods: the test method above is far larger than a one-line accessor
        byte[] own;
        try (var in = TemplateMethodSizeTest.class.getResourceAsStream("TemplateMethodSizeTest.class")) {
            own = in.readAllBytes();
        }
        List<Method> methods = methods(own);
        Method test = methods.stream().filter(m -> m.name().equals("everyTemplateMethodIsSmallEnoughToBeCompiled"))
                .findFirst().orElseThrow();
        Method record = methods(recordBytes()).stream().filter(m -> m.name().equals("codeLength")).findFirst().orElseThrow();
        assertThat(test.codeLength()).isBetween(150, 2_000);
        assertThat(record.codeLength()).isEqualTo(5); // aload_0, getfield, ireturn
    }

    private static byte[] recordBytes() throws IOException {
        try (var in = Method.class.getResourceAsStream("TemplateMethodSizeTest$Method.class")) {
            return in.readAllBytes();
        }
    }

    /** A method of a class file: its name and the length of its bytecode (0 without code). */
    record Method(String name, int codeLength) {
    }

    /** The methods of a class file, read as the JVM specification (chapter 4) lays it out. */
    static List<Method> methods(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.skipBytes(4); // minor and major version
        int constants = in.readUnsignedShort();
        String[] utf8 = new String[constants];
        for (int i = 1; i < constants; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++; // a long or double takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        in.skipBytes(6); // access flags, this class, super class
        in.skipBytes(2 * in.readUnsignedShort()); // interfaces
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            in.skipBytes(6);
            skipAttributes(in);
        }
        int methodCount = in.readUnsignedShort();
        List<Method> methods = new ArrayList<>(methodCount);
        for (int i = 0; i < methodCount; i++) {
            in.skipBytes(2);
            String name = utf8[in.readUnsignedShort()];
            in.skipBytes(2);
            int codeLength = 0;
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if (attribute.equals("Code")) {
                    in.skipBytes(4); // max stack, max locals
                    codeLength = in.readInt();
                    in.skipBytes(length - 8);
                } else {
                    in.skipBytes(length);
                }
            }
            methods.add(new Method(name, codeLength));
        }
        return methods;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.skipBytes(2);
            in.skipBytes(in.readInt());
        }
    }
}
