package nl.afsprakenwiki.search.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/** Reads the maintained text files under {@code search/} on the classpath. */
final class ResourceFiles {
  static final String DIRECTORY = "search/";

  private ResourceFiles() {}

  static InputStream open(String name) {
    InputStream in = ResourceFiles.class.getClassLoader().getResourceAsStream(DIRECTORY + name);
    if (in == null) {
      throw new IllegalStateException("missing classpath resource " + DIRECTORY + name);
    }
    return in;
  }

  static BufferedReader reader(String name) {
    try {
      InputStream in = open(name);
      if (name.endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DIRECTORY + name, e);
    }
  }

  /** Every line with '#' comments and surrounding blanks removed; empty lines are skipped. */
  static void forEachLine(String name, Consumer<String> action) {
    try (BufferedReader reader = reader(name)) {
      String line;
      while ((line = reader.readLine()) != null) {
        int hash = line.indexOf('#');
        if (hash >= 0) {
          line = line.substring(0, hash);
        }
        line = line.strip();
        if (!line.isEmpty()) {
          action.accept(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DIRECTORY + name, e);
    }
  }

  static List<String> lines(String name) {
    List<String> lines = new ArrayList<>();
    forEachLine(name, lines::add);
    return lines;
  }
}
