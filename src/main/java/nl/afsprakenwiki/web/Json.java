package nl.afsprakenwiki.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Reading API request bodies strictly, with messages that say exactly what is wrong and where. */
public final class Json {

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
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

    /** Parses the body into {@code type}, or throws a 400/413/415 problem. */
    public <T> T read(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ProblemException(415, "Verkeerd type inhoud",
                    "Stuur de gegevens als JSON met de header 'Content-Type: application/json'.");
        }
        String body = ctx.body();
        if (body.isBlank()) {
            throw new ProblemException(400, "Ongeldige JSON", "De body is leeg; verwacht wordt een JSON-object.");
        }
        try {
            return mapper.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw invalid("Onbekend veld '" + e.getPropertyName() + "'. Toegestaan zijn: " + known + ".");
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw invalid(field.isEmpty()
                    ? "De body moet een JSON-object zijn" + at(e.getLocation()) + "."
                    : "Veld '" + field + "' heeft een verkeerd type of ontbreekt" + at(e.getLocation()) + ".");
        } catch (JsonProcessingException e) {
            throw invalid("Ongeldige JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage() + ".");
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (regel " + location.getLineNr() + ", kolom " + location.getColumnNr() + ")";
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(400, "Ongeldige JSON", detail);
    }
}
