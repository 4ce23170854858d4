package nl.afsprakenwiki.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The frame of the derived files written once and then read through a memory map: entries found by
 * id with their rows' numbers, the user's header, put in place only when finished, and every kind of
 * damage to the frame refused as a whole.
 */
class IndexedFileTest {

    private static final int MAGIC = 0x54455354;
    private static final int FORMAT = 3;

    @TempDir
    Path dir;

    /** Entries of ids 1000 down to 0 in steps of 10 (out of id order), each its id as text; a header of two bytes. */
    private Path written() throws IOException {
        Path path = dir.resolve("file");
        try (IndexedFileWriter writer = new IndexedFileWriter(path, MAGIC, FORMAT, "stempel ë", 2, "item")) {
            writer.out().writeByte(7);
            writer.out().writeByte(9);
            for (long id = 1000; id >= 0; id -= 10) {
                writer.entry(id, id * 2, -id);
                writer.out().writeUTF("item " + id);
            }
            assertThat(writer.size()).isEqualTo(101);
            writer.finish();
        }
        return path;
    }

    @Test
    void readsBackEveryEntryAndItsRowByIdAndTheHeader() throws IOException {
        IndexedFile file = IndexedFile.open(written(), MAGIC, FORMAT, 2, 2, "test file");
        List<String> checked = new ArrayList<>();
        file.checkEntries(entry -> checked.add(readUtf(entry)));

        assertThat(file.stamp()).isEqualTo("stempel ë");
        assertThat(file.size()).isEqualTo(101);
        assertThat(file.header().get()).isEqualTo((byte) 7);
        assertThat(file.header().position(file.header().position() + 1).get()).isEqualTo((byte) 9);
        // in id order
        assertThat(checked).first().isEqualTo("item 0");
        assertThat(checked).last().isEqualTo("item 1000");
        for (long id = 0; id <= 1000; id += 10) {
            int row = file.find(id);
            assertThat(row).isEqualTo((int) id / 10);
            assertThat(file.value(row, 0)).isEqualTo(id * 2);
            assertThat(file.value(row, 1)).isEqualTo(-id);
            assertThat(readUtf(file.entry(row))).isEqualTo("item " + id);
            assertThat(file.find(id + 5)).isEqualTo(-1);
        }
        assertThat(file.find(-1)).isEqualTo(-1);
        assertThatThrownBy(() -> file.value(0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void anEmptyFileHasNoEntries() throws IOException {
        Path path = dir.resolve("empty");
        try (IndexedFileWriter writer = new IndexedFileWriter(path, MAGIC, FORMAT, "", 0, "item")) {
            writer.finish();
        }
        IndexedFile file = IndexedFile.open(path, MAGIC, FORMAT, 0, 0, "test file");
        assertThat(file.size()).isZero();
        assertThat(file.find(0)).isEqualTo(-1);
    }

    @Test
    void onlyAFinishedFileIsPutInPlace() throws IOException {
        Path path = dir.resolve("unfinished");
        try (IndexedFileWriter writer = new IndexedFileWriter(path, MAGIC, FORMAT, "s", 0, "item")) {
            writer.entry(1);
            writer.out().writeInt(42);
        }
        assertThat(path).doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void anIdWrittenTwiceOrARowOfTheWrongWidthIsRefused() throws IOException {
        Path path = dir.resolve("twice");
        try (IndexedFileWriter writer = new IndexedFileWriter(path, MAGIC, FORMAT, "s", 1, "revision")) {
            writer.entry(5, 1);
            writer.entry(5, 2);
            assertThatThrownBy(() -> writer.entry(6)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class).hasMessageContaining("revision 5");
        }
        assertThat(path).doesNotExist();
    }

    @Test
    void whatOneMapCannotReadDoesNotFit() throws IOException {
        try (IndexedFileWriter writer = new IndexedFileWriter(dir.resolve("big"), MAGIC, FORMAT, "s", 1, "item")) {
            long frame = writer.position() + 3L * Long.BYTES + IndexedFile.TRAILER;
            assertThat(writer.fits(Integer.MAX_VALUE - frame)).isTrue();
            assertThat(writer.fits(Integer.MAX_VALUE - frame + 1)).isFalse();
        }
    }

    @Test
    void aDamagedFrameIsRefusedAsAWhole() throws IOException {
        byte[] whole = Files.readAllBytes(written());
        Path path = dir.resolve("damaged");
        int indexStart = (int) ByteBuffer.wrap(whole).getLong(whole.length - Long.BYTES);
        int row = 4 * Long.BYTES;

        List<byte[]> damaged = new ArrayList<>();
        damaged.add(Arrays.copyOf(whole, whole.length - 1)); // cut short
        damaged.add(Arrays.copyOf(whole, 10)); // cut in the stamp
        damaged.add(new byte[0]);
        damaged.add("geen bestand van deze soort".getBytes(StandardCharsets.UTF_8));
        damaged.add(with(whole, 4, ByteBuffer.allocate(4).putInt(FORMAT + 1).array())); // another format
        damaged.add(with(whole, 8, ByteBuffer.allocate(4).putInt(whole.length).array())); // a stamp beyond the file
        damaged.add(with(whole, whole.length - 12, ByteBuffer.allocate(4).putInt(102).array())); // a count the index does not have
        damaged.add(with(whole, indexStart, ByteBuffer.allocate(8).putLong(20).array())); // ids out of order
        damaged.add(with(whole, indexStart + 3 * Long.BYTES, ByteBuffer.allocate(8).putLong(indexStart).array())); // an entry in the index
        int header = 3 * Integer.BYTES + "stempel ë".getBytes(StandardCharsets.UTF_8).length;
        damaged.add(with(whole, indexStart + row + 3 * Long.BYTES, ByteBuffer.allocate(8).putLong(header + 1).array())); // an entry in the header
        for (byte[] bytes : damaged) {
            Files.write(path, bytes);
            assertThatThrownBy(() -> IndexedFile.open(path, MAGIC, FORMAT, 2, 2, "test file"))
                    .isInstanceOf(IndexedFile.Unreadable.class);
        }
        Files.write(path, whole);
        assertThatThrownBy(() -> IndexedFile.open(path, MAGIC + 1, FORMAT, 2, 2, "test file"))
                .isInstanceOf(IndexedFile.Unreadable.class).hasMessageContaining("not a test file of format 3");
        // rows read as narrower than written: the index no longer fits
        assertThatThrownBy(() -> IndexedFile.open(path, MAGIC, FORMAT, 2, 1, "test file"))
                .isInstanceOf(IndexedFile.Unreadable.class);
    }

    @Test
    void anEntryItsCheckCannotReadRefusesTheFile() throws IOException {
        IndexedFile file = IndexedFile.open(written(), MAGIC, FORMAT, 2, 2, "test file");
        // reading past the index, or a value out of range, counts as damage
        assertThatThrownBy(() -> file.checkEntries(entry -> entry.position(entry.limit()).get()))
                .isInstanceOf(IndexedFile.Unreadable.class).hasMessageContaining("cut short");
        assertThatThrownBy(() -> file.checkEntries(entry -> {
            throw new IllegalArgumentException("a length beyond the file");
        })).isInstanceOf(IndexedFile.Unreadable.class);
    }

    private static byte[] with(byte[] whole, int at, byte[] bytes) {
        byte[] copy = whole.clone();
        System.arraycopy(bytes, 0, copy, at, bytes.length);
        return copy;
    }

    private static String readUtf(ByteBuffer entry) {
        byte[] bytes = new byte[entry.getShort()];
        entry.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
