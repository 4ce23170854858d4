package nl.afsprakenwiki.markdown;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlCacheTest {

    private static String page(int n) {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            html.append("<p>Afspraak ").append(n).append(": de wijkteammedewerker belt binnen ").append(i)
                    .append(" werkdagen — één keer, met ‘warme’ overdracht.</p>\n");
        }
        return html.toString();
    }

    @Test
    void keptHtmlComesBackExactlyAndIsBoundedByItsDeflatedSize() {
        String one = page(1);
        String two = page(2);
        String three = page(3);
        HtmlCache cache = new HtmlCache(1, HtmlCache.packedSize(one) + HtmlCache.packedSize(two) + HtmlCache.packedSize(three) - 1);
        cache.put(1, one);
        cache.put(2, two);
        assertThat(cache.packedBytes()).isLessThan((one.length() + two.length()) / 4);
        // 1 is no longer the string kept hot: it is inflated, and equal to what was put
        assertThat(cache.get(1)).isEqualTo(one);
        assertThat(cache.get(1)).isSameAs(cache.get(1));
        cache.put(3, three); // over the budget: the least recently used (2) goes
        assertThat(cache.get(2)).isNull();
        assertThat(cache.get(1)).isEqualTo(one);
        assertThat(cache.get(3)).isEqualTo(three);
        assertThat(cache.size()).isEqualTo(2);
        cache.remove(3);
        assertThat(cache.get(3)).isNull();
        assertThat(cache.packedBytes()).isEqualTo(HtmlCache.packedSize(one));
    }
}
