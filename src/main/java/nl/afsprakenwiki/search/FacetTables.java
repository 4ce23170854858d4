package nl.afsprakenwiki.search;

import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.ArrayUtil;

import java.io.IOException;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The facet values of every document, per index segment, held in memory as two arrays: counting
 * the facets of a search's hits then reads a few array elements per hit instead of decoding doc
 * values, and no ordinal map is built for every new snapshot (see docs/BENCHMARKS.md, issue 12's
 * third round). A segment's values never change, so its table is built the first time a search
 * counts in it and dropped when Lucene closes the segment; a new snapshot after a save builds only
 * the tables of its new, small segments.
 */
final class FacetTables {

    /** At most this many values of a dimension are listed. */
    private static final int FACET_VALUES = 50;

    private static final Table NONE = new Table(new int[]{0}, new int[0], new String[0], new String[0]);

    /** Per segment core (its documents and doc values), the table of its facet values. */
    private final Map<Object, Table> tables = new ConcurrentHashMap<>();

    /**
     * One segment: document {@code d}'s values are {@code ords[starts[d]..starts[d + 1])}, each an
     * index into {@code dims} and {@code labels}.
     */
    private record Table(int[] starts, int[] ords, String[] dims, String[] labels, Map<String, int[]> ranges) {

        Table(int[] starts, int[] ords, String[] dims, String[] labels) {
            this(starts, ords, dims, labels, ranges(dims));
        }

        /**
         * Per dimension, the range of values to count for it: the values are the doc values' terms
         * "dimension, separator, value" in sorted order, so one dimension's values are next to each
         * other. (Were they not, the range would be all values, which counts more but no less.)
         */
        private static Map<String, int[]> ranges(String[] dims) {
            Map<String, int[]> ranges = new HashMap<>();
            for (int ord = 0; ord < dims.length; ord++) {
                if (dims[ord] != null) {
                    int at = ord;
                    ranges.merge(dims[ord], new int[]{ord, ord + 1},
                            (range, next) -> range[1] == at ? new int[]{range[0], at + 1} : new int[]{0, dims.length});
                }
            }
            return Map.copyOf(ranges);
        }
    }

    /** Whether any document of {@code reader} has a facet value (else there is nothing to count). */
    static boolean hasValues(IndexReader reader) {
        for (LeafReaderContext leaf : reader.leaves()) {
            if (leaf.reader().getFieldInfos().fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) != null) {
                return true;
            }
        }
        return false;
    }

    /** How many of the matching documents have each value: dimension, then value, then count. */
    Map<String, Map<String, Long>> count(List<FacetsCollector.MatchingDocs> matching) throws IOException {
        return count(matching, null);
    }

    /**
     * How many of the matching documents have each value of one dimension (of every dimension when
     * {@code dimension} is null): dimension, then value, then count.
     */
    Map<String, Map<String, Long>> count(List<FacetsCollector.MatchingDocs> matching, String dimension)
            throws IOException {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (FacetsCollector.MatchingDocs docs : matching) {
            DocIdSetIterator iterator = docs.totalHits == 0 ? null : docs.bits.iterator();
            if (iterator == null) {
                continue;
            }
            Table table = table(docs.context.reader());
            if (table == NONE) {
                continue; // a segment whose documents have no facet values
            }
            int[] perValue = new int[table.labels().length];
            int[] starts = table.starts();
            int[] ords = table.ords();
            if (dimension == null) {
                for (int doc = iterator.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = iterator.nextDoc()) {
                    for (int i = starts[doc]; i < starts[doc + 1]; i++) {
                        perValue[ords[i]]++;
                    }
                }
            } else {
                // a segment's values are ordered by dimension first: one dimension's are one range
                int[] range = table.ranges().getOrDefault(dimension, new int[]{0, 0});
                for (int doc = iterator.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = iterator.nextDoc()) {
                    for (int i = starts[doc]; i < starts[doc + 1]; i++) {
                        int ord = ords[i];
                        if (ord >= range[0] && ord < range[1]) {
                            perValue[ord]++;
                        }
                    }
                }
            }
            for (int value = 0; value < perValue.length; value++) {
                if (perValue[value] > 0) {
                    counts.computeIfAbsent(table.dims()[value], dim -> new HashMap<>())
                            .merge(table.labels()[value], (long) perValue[value], Long::sum);
                }
            }
        }
        return counts;
    }

    private Table table(LeafReader reader) throws IOException {
        IndexReader.CacheHelper core = reader.getCoreCacheHelper();
        if (core == null) {
            return build(reader);
        }
        Table table = tables.get(core.getKey());
        if (table == null) {
            table = build(reader);
            if (tables.putIfAbsent(core.getKey(), table) == null) {
                core.addClosedListener(tables::remove);
            }
        }
        return table;
    }

    /** Reads a segment's facet doc values once; values that are a dimension alone are left out. */
    private static Table build(LeafReader reader) throws IOException {
        if (reader.getFieldInfos().fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) == null) {
            return NONE;
        }
        SortedSetDocValues values = DocValues.getSortedSet(reader, FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
        int count = Math.toIntExact(values.getValueCount());
        String[] dims = new String[count];
        String[] labels = new String[count];
        for (int ord = 0; ord < count; ord++) {
            String[] path = FacetsConfig.stringToPath(values.lookupOrd(ord).utf8ToString());
            if (path.length == 2) {
                dims[ord] = path[0];
                labels[ord] = path[1];
            }
        }
        int maxDoc = reader.maxDoc();
        int[] starts = new int[maxDoc + 1];
        int[] ords = new int[maxDoc + 16];
        int size = 0;
        for (int doc = 0; doc < maxDoc; doc++) {
            starts[doc] = size;
            if (values.advanceExact(doc)) {
                for (int i = 0; i < values.docValueCount(); i++) {
                    int ord = (int) values.nextOrd();
                    if (labels[ord] != null) {
                        ords = ArrayUtil.grow(ords, size + 1);
                        ords[size++] = ord;
                    }
                }
            }
        }
        starts[maxDoc] = size;
        return new Table(starts, ArrayUtil.copyOfSubArray(ords, 0, size), dims, labels);
    }

    /** For tests: how many segment tables are held. */
    int size() {
        return tables.size();
    }

    /** Facet counts of both passes added up, the most frequent values first, the chosen values always present. */
    static Map<String, List<SearchResult.FacetValue>> lists(Map<String, Map<String, Long>> first,
                                                        Map<String, Map<String, Long>> second,
                                                        Map<String, List<String>> chosen) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (Map<String, Map<String, Long>> pass : second == null ? List.of(first) : List.of(first, second)) {
            pass.forEach((dim, values) -> values.forEach((value, count) ->
                    counts.computeIfAbsent(dim, d -> new LinkedHashMap<>()).merge(value, count, Long::sum)));
        }
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        for (String dimension : Fields.FACETS) {
            Map<String, Long> values = counts.getOrDefault(dimension, Map.of());
            List<String> selected = chosen.getOrDefault(dimension, List.of());
            if (values.isEmpty() && selected.isEmpty()) {
                continue;
            }
            List<SearchResult.FacetValue> list = new ArrayList<>();
            values.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(FACET_VALUES)
                    .forEach(entry -> list.add(new SearchResult.FacetValue(entry.getKey(), entry.getValue(),
                            selected.contains(entry.getKey()))));
            Set<String> listed = new java.util.HashSet<>();
            list.forEach(value -> listed.add(value.value()));
            for (String value : selected) {
                if (!listed.contains(value)) {
                    list.add(new SearchResult.FacetValue(value, 0, true));
                }
            }
            facets.put(dimension, List.copyOf(list));
        }
        return facets;
    }
}
