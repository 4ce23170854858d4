package nl.afsprakenwiki.adoption;

import java.time.Instant;

/**
 * An adopter's change offered back to the source koppelzone: the adopter's text at
 * {@code fromRevision}, based on the source's {@code baseRevision}.
 */
public record SourceProposal(long id, long sourceId, long fromId, int fromRevision, int baseRevision, String title,
                             String body, String note, String proposedBy, Instant proposedAt, Status status,
                             String decidedBy, Instant decidedAt, String reason, Integer resultRevision) {

    public enum Status {
        OPEN("open"), AANVAARD("aanvaard"), AFGEWEZEN("afgewezen");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Status fromCode(String code) {
            for (Status status : values()) {
                if (status.code.equals(code)) {
                    return status;
                }
            }
            throw new IllegalArgumentException(code);
        }
    }

    public boolean open() {
        return status == Status.OPEN;
    }
}
