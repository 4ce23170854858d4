package nl.afsprakenwiki.access;

import java.util.List;

/**
 * Input that cannot be accepted, with one message per field. Pages show each message next to its
 * field (keeping what was typed); the API answers 400 with the messages in {@code detail}.
 */
public class InvalidInput extends RuntimeException {

    /** One problem: the field it concerns, a message key and the key's arguments. */
    public record FieldError(String field, String messageKey, List<Object> arguments) {
        public FieldError(String field, String messageKey, Object... arguments) {
            this(field, messageKey, List.of(arguments));
        }
    }

    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(errors.toString());
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("invalid input needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public InvalidInput(String field, String messageKey, Object... arguments) {
        this(List.of(new FieldError(field, messageKey, arguments)));
    }

    /** Throws when there are problems: the usual end of collecting them field by field. */
    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    public List<FieldError> errors() {
        return errors;
    }
}
