package nl.afsprakenwiki.markdown;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import nl.afsprakenwiki.markdown.MarkdownRenderer.LinkedFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static nl.afsprakenwiki.markdown.MarkdownRenderer.FILE_SCHEME;

/**
 * Points {@code bijlage:NAME} images and links of a parsed text at the download addresses of the
 * files of the revision being rendered (see {@link MarkdownRenderer#render(String, Map)}), before the
 * HTML is made and sanitised: an image only for a PNG or JPEG the revision has (else its alt text),
 * a link only for a file it has (else just its text). No {@code bijlage:} address reaches the HTML.
 */
final class FileLinks {

    private FileLinks() {
    }

    static void resolve(Document document, Map<String, LinkedFile> files) {
        List<Node> found = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if ((node instanceof Image image && image.getUrl().startsWith(FILE_SCHEME))
                    || (node instanceof Link link && link.getUrl().startsWith(FILE_SCHEME))) {
                found.add(node);
            }
        }
        for (Node node : found) {
            if (node instanceof Image image) {
                LinkedFile file = files.get(name(image.getUrl()));
                if (file != null && file.image()) {
                    image.setUrl(BasedSequence.of(file.url()));
                } else {
                    image.insertBefore(new Text(image.getText()));
                    image.unlink();
                }
            } else if (node instanceof Link link) {
                LinkedFile file = files.get(name(link.getUrl()));
                if (file != null) {
                    link.setUrl(BasedSequence.of(file.url()));
                } else {
                    // keep the link's text, drop the link
                    for (Node child = link.getFirstChild(); child != null; child = link.getFirstChild()) {
                        child.unlink();
                        link.insertBefore(child);
                    }
                    link.unlink();
                }
            }
        }
    }

    private static String name(BasedSequence url) {
        return url.toString().substring(FILE_SCHEME.length());
    }
}
