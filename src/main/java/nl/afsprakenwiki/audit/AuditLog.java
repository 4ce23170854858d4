package nl.afsprakenwiki.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.Map;

/**
 * The append-only record of every write and security event. Entries are written inside the same
 * transaction as the change they describe, so the log and the data can never disagree.
 */
public final class AuditLog {

    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    public void record(Handle handle, String actor, String action, String target, Map<String, ?> details) {
        handle.createUpdate("""
                        INSERT INTO audit_event (at, actor, action, target, details)
                        VALUES (:at, :actor, :action, :target, :details)
                        """)
                .bind("at", clock.instant())
                .bind("actor", actor)
                .bind("action", action)
                .bind("target", target)
                .bind("details", toJson(details))
                .execute();
    }

    private String toJson(Map<String, ?> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be plain values", e);
        }
    }
}
