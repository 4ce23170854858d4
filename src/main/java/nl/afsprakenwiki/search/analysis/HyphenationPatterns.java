package nl.afsprakenwiki.search.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.compound.HyphenationCompoundWordTokenFilter;
import org.apache.lucene.analysis.compound.hyphenation.HyphenationTree;
import org.xml.sax.InputSource;

/** Loads the Dutch hyphenation patterns (converted by scripts/convert-hyphenation.py). */
final class HyphenationPatterns {
  private HyphenationPatterns() {}

  static HyphenationTree load(String resource) {
    try (InputStream in = ResourceFiles.open(resource)) {
      return HyphenationCompoundWordTokenFilter.getHyphenationTree(new InputSource(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read hyphenation patterns " + resource, e);
    }
  }
}
