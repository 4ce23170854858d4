package nl.afsprakenwiki.privacy;

/**
 * The texts other than agreements that the privacy guard screens (issue 17 point 2), with the code
 * their confirmations are stored under (V022, {@code text_privacy_confirmation.source}).
 */
public enum TextSource {
    COMMENT("comment"),
    EXPERIENCE("experience"),
    MINUTES("minutes"),
    ACTION("action"),
    NOTE("note"),
    REMARK("remark"),
    TEMPLATE("template"),
    LEAK("leak"),
    /** The reason a voorzitter gives for retiring an agreement (id: the agreement; V031). */
    RETIRE("retire"),
    /** The reason a voorzitter gives for withdrawing a proposal (id: the endorsement round; V031). */
    WITHDRAW("withdraw"),
    /** A free agenda topic's title and detail, as the voorzitter adds it (id: the meeting_item; V033). */
    TOPIC("topic");

    private final String code;

    TextSource(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
