package nl.afsprakenwiki.endorsements;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.Current;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.endorsements.EndorsementStore.EndorsedEvent;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.PublicAddress;

import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Atom 1.0 feeds (RFC 4287) of endorsements, so that parties and other municipalities can follow
 * what comes into force. They hold only what the public may see (see {@link EndorsementStore#endorsedEvents}).
 */
public final class Feeds {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String TAG = "tag:afsprakenwiki,2026:";
    private static final int LIMIT = 50;
    /** An agreement has few endorsed revisions; the bound only guards against a runaway query. */
    private static final int AGREEMENT_LIMIT = 1_000;
    /** The feed's "updated" when it has no entries yet: fixed, so that readers see no change. */
    private static final Instant NEVER = Instant.EPOCH;

    private final Database db;
    private final EndorsementStore store;
    private final KoppelzoneService koppelzones;
    private final AgreementService agreements;
    private final PublicAddress address;

    public Feeds(Database db, Lifecycle lifecycle, KoppelzoneService koppelzones, AgreementService agreements,
                 PublicAddress address) {
        this.db = db;
        this.store = lifecycle.store();
        this.koppelzones = koppelzones;
        this.agreements = agreements;
        this.address = address;
    }

    /** What one feed is about; {@code path} is its HTML page. */
    private record Head(String id, String title, String path, String selfPath) {
    }

    public void national(Context ctx) {
        List<EndorsedEvent> events = db.read(handle -> store.endorsedEvents(handle, null, null, LIMIT));
        respond(ctx, new Head(TAG + "bekrachtigd", "Nieuw bekrachtigde afspraken", "/", "/feeds/bekrachtigd.atom"),
                events, true);
    }

    public void koppelzone(Context ctx) {
        Koppelzone koppelzone = Current.koppelzone(ctx);
        List<EndorsedEvent> events = db.read(handle -> store.endorsedEvents(handle, koppelzone.id(), null, LIMIT));
        String path = Paths.koppelzone(koppelzone.slug());
        respond(ctx, new Head(TAG + "koppelzone/" + koppelzone.slug(), "Bekrachtigde afspraken van "
                + koppelzone.name() + " (" + koppelzone.municipality().name() + ")", path, path + "/feed.atom"), events, true);
    }

    public void agreement(Context ctx) {
        long id = Current.agreement(ctx).id();
        var version = agreements.version(id, null, Current.viewer(ctx)).orElseThrow(() -> new NotFound("agreement"));
        List<EndorsedEvent> events = db.read(handle -> store.endorsedEvents(handle, null, id, AGREEMENT_LIMIT));
        // the endorsed title is the public one; a member may be looking at a draft with another title
        String title = events.isEmpty() ? version.revision().title() : events.get(0).title();
        String path = Paths.agreement(id);
        respond(ctx, new Head(TAG + "agreement/" + id, "Bekrachtigingen van " + title, path, path + "/feed.atom"),
                events, version.agreement().published());
    }

    /** {@code shareable}: the same for every viewer, so shared caches may keep it a while. */
    private void respond(Context ctx, Head head, List<EndorsedEvent> events, boolean shareable) {
        String xml = write(head, events, address.of(ctx));
        if (shareable) {
            ctx.header("Cache-Control", "public, max-age=300");
        }
        ctx.contentType("application/atom+xml; charset=utf-8").result(xml);
    }

    private static String write(Head head, List<EndorsedEvent> events, String base) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", "nl");
            element(xml, "id", head.id());
            element(xml, "title", head.title());
            element(xml, "updated", (events.isEmpty() ? NEVER : events.get(0).at()).toString());
            link(xml, "self", "application/atom+xml", base + head.selfPath());
            link(xml, "alternate", "text/html", base + head.path());
            xml.writeStartElement("author");
            element(xml, "name", "Afsprakenwiki");
            xml.writeEndElement();
            for (EndorsedEvent event : events) {
                entry(xml, event, base);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed", e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter xml, EndorsedEvent event, String base) throws XMLStreamException {
        String agreement = Paths.agreement(event.agreementId());
        // a re-endorsement is best read as what changed since the text that was in force before
        String target = event.previousRevision() == null ? agreement + "/revisies/" + event.revision()
                : agreement + "/vergelijk?van=" + event.previousRevision() + "&naar=" + event.revision();
        xml.writeStartElement("entry");
        element(xml, "id", TAG + "agreement/" + event.agreementId() + "/endorsed/" + event.revision());
        element(xml, "title", event.title() + (event.previousRevision() == null ? " — bekrachtigd" : " — herziening bekrachtigd")
                + " (revisie " + event.revision() + ")");
        element(xml, "updated", event.at().toString());
        link(xml, "alternate", "text/html", base + target);
        xml.writeStartElement("summary");
        xml.writeAttribute("type", "text");
        xml.writeCharacters(clean(summary(event)));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static String summary(EndorsedEvent event) {
        List<String> parts = new ArrayList<>();
        parts.add("Gemeente " + event.municipalityName() + ", " + event.koppelzoneName());
        String summary = event.summary() == null ? "" : event.summary().strip();
        parts.add(summary.isEmpty() ? "Revisie " + event.revision() : "Revisie " + event.revision() + ": " + summary);
        if (event.imported()) {
            parts.add("Bekrachtiging geïmporteerd");
        }
        return String.join(". ", parts) + ".";
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    /** The writer escapes markup but passes control characters, which XML forbids and would break the whole feed. */
    private static String clean(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000)
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
