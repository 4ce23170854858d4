package nl.afsprakenwiki.text;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Derived files written once and then only read (the similar agreements and the HTML found or
 * rendered ahead): put in place whole, read through one memory map, their index in id order.
 */
public final class FilesInPlace {

    private FilesInPlace() {
    }

    /** The whole file at {@code path}, mapped read-only; null when it is too large for one map (2 GB). */
    public static MappedByteBuffer map(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                return null;
            }
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        }
    }

    /** Removes every file in {@code folder} but {@code keep} (other versions, unfinished writes); none when it is not there. */
    public static void removeAllBut(Path folder, Path keep) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> !f.equals(keep)).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Forces the written {@code temporary} to disk, then renames it to {@code target} in one step. */
    public static void putInPlace(Path temporary, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The positions of the first {@code count} of {@code ids} in ascending id order; an id that
     * occurs twice is an {@link IllegalStateException} naming it as {@code what}.
     */
    public static Integer[] ascending(long[] ids, int count, String what) {
        Integer[] order = new Integer[count];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
        for (int i = 1; i < count; i++) {
            if (ids[order[i]] == ids[order[i - 1]]) {
                throw new IllegalStateException(what + " " + ids[order[i]] + " written twice");
            }
        }
        return order;
    }
}
