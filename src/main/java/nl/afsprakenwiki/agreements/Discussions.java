package nl.afsprakenwiki.agreements;

import java.time.LocalDate;
import java.util.List;

/**
 * Where an agreement was discussed in koppelzone meetings and what was decided, for its history
 * ("besproken in het overleg van …"). Provided by the meetings feature.
 */
@FunctionalInterface
public interface Discussions {

    /** A meeting decision on one exact revision. */
    record Discussion(long meetingId, LocalDate meetingDay, String decision, int revision, String note) {
    }

    List<Discussion> of(long agreementId);

    Discussions NONE = agreementId -> List.of();
}
