package nl.afsprakenwiki.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reading API request bodies strictly, with messages that say exactly what is wrong and where.
 *
 * <p>Strict means: the body is one JSON object in valid UTF-8; a field has exactly the JSON type it is
 * documented with. Jackson would otherwise turn {@code 123} into the text {@code "123"}, {@code 1.5}
 * into {@code 1}, {@code "7"} into {@code 7}, a number into a date (days since 1970) and {@code null}
 * inside a list into an element; each of these is refused with 400, naming the field.
 */
public final class Json {

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("strict-dates").addDeserializer(LocalDate.class, new StrictDate()))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // ALLOW_COERCION_OF_SCALARS covers numbers and booleans, not text: say so for text too
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfigDefaults(config -> config
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail))
            // [null] is no list of names; a null member of a list or map is refused, naming its place
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /** A JSON object with its members in the order given: {@code object("id", 1, "title", "x")}. */
    public static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * A 400 problem for a text field that must be one of a few codes: names the field, what was sent
     * and every allowed value.
     */
    public static ProblemException unknownValue(String field, String value, Collection<String> allowed) {
        String problem = (value == null ? "ontbreekt" : "'" + shorten(value) + "' is onbekend") + "; toegestaan zijn: "
                + String.join(", ", allowed);
        return new ProblemException(400, "about:blank", "Onbekende waarde", field + ": " + problem + ".",
                object("errors", object(field, problem)));
    }

    /** Parses the body into {@code type}, or throws a 400/415 problem that names what is wrong. */
    public <T> T read(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ProblemException(415, "Verkeerd type inhoud",
                    "Stuur de gegevens als JSON met de header 'Content-Type: application/json'.");
        }
        return read(ctx.bodyAsBytes(), type);
    }

    /** Parses {@code body} (UTF-8) into {@code type}, or throws a 400 problem that names what is wrong. */
    public <T> T read(byte[] body, Class<T> type) {
        String text = utf8(body);
        if (text.isBlank()) {
            throw invalid("De body is leeg; verwacht wordt een JSON-object.");
        }
        JsonParser parser = null;
        try {
            parser = mapper.createParser(text);
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw invalid("De body moet een JSON-object zijn ({…}), niet " + shape(first) + ".");
            }
            return mapper.readValue(parser, type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw invalid("Onbekend veld '" + e.getPropertyName() + "'. Toegestaan zijn: " + known + ".");
        } catch (MismatchedInputException e) {
            // the parser still stands on the value that did not fit
            throw mismatch(e, parser.currentToken());
        } catch (InputCoercionException e) {
            // a number beyond the range of its field: Jackson gives no path here, but the parser knows the field
            throw wrongField(fieldOf(parser), "een getal dat te groot of te klein is", e.getLocation());
        } catch (JsonMappingException e) {
            // Jackson wraps what went wrong inside a field with the field's path
            if (e.getCause() instanceof InputCoercionException) {
                throw wrongField(path(e), "een getal dat te groot of te klein is", e.getLocation());
            }
            throw e.getCause() instanceof JsonProcessingException syntax ? syntax(syntax)
                    : wrongField(path(e), "een ongeldige waarde", e.getLocation());
        } catch (JsonProcessingException e) {
            throw syntax(e);
        } catch (IOException e) {
            throw invalid("De body kon niet worden gelezen.");
        } finally {
            closeQuietly(parser);
        }
    }

    private static ProblemException syntax(JsonProcessingException e) {
        return invalid("Ongeldige JSON" + at(e.getLocation()) + (e instanceof JsonEOFException
                ? ": de tekst houdt op voordat het object af is."
                : ": hier staat een teken dat daar niet mag."));
    }

    private static void closeQuietly(JsonParser parser) {
        try {
            if (parser != null) {
                parser.close();
            }
        } catch (IOException e) {
            // a parser over a string has nothing to release
        }
    }

    private static ProblemException mismatch(MismatchedInputException e, JsonToken actual) {
        String field = path(e);
        if (field.isEmpty()) {
            // after the object: FAIL_ON_TRAILING_TOKENS
            return invalid("Na het JSON-object volgt nog meer" + at(e.getLocation()) + "; stuur één object.");
        }
        Class<?> target = e.getTargetType();
        if (e instanceof InvalidFormatException format && format.getValue() instanceof String value) {
            String expected = target != null && target.isEnum() ? "een van: " + enumValues(target) : expected(target);
            return wrongField(field, "'" + shorten(value) + "' is geen geldige waarde; verwacht " + expected,
                    e.getLocation());
        }
        String found = actual == null ? "" : ", niet " + shape(actual);
        return wrongField(field, expected(target) + " verwacht" + found, e.getLocation());
    }

    private static ProblemException wrongField(String field, String problem, JsonLocation location) {
        String where = field.isEmpty() ? "" : field + ": ";
        return new ProblemException(400, "about:blank", "Ongeldige JSON", where + problem + at(location) + ".",
                field.isEmpty() ? Map.of() : object("errors", object(field, problem)));
    }

    /** The JSON type a field of this Java type must have, in Dutch. */
    private static String expected(Class<?> target) {
        if (target == null) {
            return "een andere waarde";
        }
        if (target == String.class) {
            return "een tekst";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "een geheel getal";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true of false";
        }
        if (target == LocalDate.class) {
            return "een datum als tekst (JJJJ-MM-DD)";
        }
        if (target.isEnum()) {
            return "een van: " + enumValues(target);
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "een lijst";
        }
        return "een object";
    }

    private static String shape(JsonToken token) {
        if (token == null) {
            return "niets";
        }
        return switch (token) {
            case VALUE_STRING -> "een tekst";
            case VALUE_NUMBER_INT -> "een getal";
            case VALUE_NUMBER_FLOAT -> "een kommagetal";
            case VALUE_TRUE, VALUE_FALSE -> "true of false";
            case VALUE_NULL -> "null";
            case START_ARRAY, END_ARRAY -> "een lijst";
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "een object";
            default -> "iets anders";
        };
    }

    private static String enumValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }

    /** The field the parser stands in: {@code parties[0]}, {@code resolution.title}. */
    private static String fieldOf(JsonParser parser) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
             context = context.getParent()) {
            parts.add(0, context.inArray() ? "[" + context.getCurrentIndex() + "]" : String.valueOf(context.getCurrentName()));
        }
        return joined(parts);
    }

    private static String joined(List<String> parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            path.append(part.startsWith("[") || path.isEmpty() ? "" : ".").append(part);
        }
        return path.toString();
    }

    private static String path(JsonMappingException e) {
        return joined(e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]").toList());
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("De body is geen geldige UTF-8; stuur de tekst in UTF-8.");
        }
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (regel " + location.getLineNr() + ", kolom " + location.getColumnNr() + ")";
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(400, "Ongeldige JSON", detail);
    }
}
