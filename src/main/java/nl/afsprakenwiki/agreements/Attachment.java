package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.web.Paths;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One file a revision includes: its safe display name (unique within the revision), the SHA-256
 * and size of its content, and the type detected from that content (see files.FileType).
 */
public record Attachment(String name, String sha256, long size, String type) {

    /** This file of {@code revision} in the API: what it is and where to download it. */
    public Map<String, Object> json(Revision revision) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("type", type);
        json.put("size", size);
        json.put("sha256", sha256);
        json.put("href", Paths.apiAgreement(revision.agreementId()) + "/revisions/" + revision.number() + "/attachments/" + name);
        return json;
    }
}
