package nl.afsprakenwiki.access;

import java.util.List;

/**
 * A request that is understood but may not be carried out now, for a reason the user should read:
 * not allowed for this person (403) or not in this state of the agreement (409). The message is a
 * text key with arguments, shown on the page or as the {@code detail} of the API's problem.
 */
public final class Refused extends RuntimeException {

    private final int status;
    private final String messageKey;
    private final List<Object> arguments;

    private Refused(int status, String messageKey, Object... arguments) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    /** The person may not do this (403). */
    public static Refused forbidden(String messageKey, Object... arguments) {
        return new Refused(403, messageKey, arguments);
    }

    /** The agreement is not in a state that allows this (409). */
    public static Refused conflict(String messageKey, Object... arguments) {
        return new Refused(409, messageKey, arguments);
    }

    public int status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
