package nl.afsprakenwiki.search.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;

/** Loads {@code search/synonyms.txt} (Solr format), normalised exactly like a query. */
final class Synonyms {
  static final String FILE = "synonyms.txt";

  private Synonyms() {}

  static SynonymMap load(Analyzer querySideBeforeSynonyms) {
    SolrSynonymParser parser = new KeepingOriginals(querySideBeforeSynonyms);
    try (Reader reader = ResourceFiles.reader(FILE)) {
      parser.parse(reader);
      return parser.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FILE, e);
    } catch (ParseException e) {
      throw new IllegalStateException(
          "bad entry in " + FILE + " near line " + e.getErrorOffset() + ": " + e.getMessage(), e);
    }
  }

  /**
   * A Solr parser whose one-way rules ("zin => zorg in natura") keep the original token, as the
   * two-way rules do. Solr's own parser replaces it by a new token, and the replacement loses what
   * earlier filters recorded on it: for "JIM-aanpak" the joined form "jimaanpak" got lost.
   */
  private static final class KeepingOriginals extends SolrSynonymParser {
    KeepingOriginals(Analyzer analyzer) {
      super(true, true, analyzer);
    }

    @Override
    public void add(CharsRef input, CharsRef output, boolean includeOrig) {
      if (!input.equals(output)) {
        super.add(input, output, true);
      }
    }
  }
}
