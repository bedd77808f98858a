package se.utfall.web.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.ToIntFunction;

/**
 * Every text that arrives in a JSON body is normalised once, here: surrounding whitespace of every kind is
 * stripped (so a title of only U+3000 is blank and refused by {@code @NotBlank}), and a NUL character, which
 * PostgreSQL cannot store, is refused as a 400 naming the field. Dates and instants of every java.time type a body
 * may carry ({@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime}, {@code LocalDateTime},
 * {@code LocalDate}) outside the years {@value #MIN_YEAR}–{@value #MAX_YEAR} are refused the same way (PostgreSQL's
 * timestamptz ends in 294276 and its driver earlier still; no procurement needs them). This is the one bound of
 * every service: a fuzz test over every date field of each OpenAPI document keeps it so.
 */
@Singleton
public class TextInput implements ObjectMapperCustomizer {

    /** A text the platform cannot accept; mapped to a 400 problem with the field's path. */
    public static final class RejectedText extends MismatchedInputException {
        RejectedText(JsonParser p, String message) {
            super(p, message);
        }
    }

    public static final int MIN_YEAR = 1800;
    public static final int MAX_YEAR = 9999;

    /** Runs after Quarkus' own customizers, so these deserializers win over the java.time module's. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("utfall-text-input");
        module.addDeserializer(String.class, new StdScalarDeserializer<String>(String.class) {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                String raw = StringDeserializer.instance.deserialize(p, ctx);
                if (raw == null) {
                    return null;
                }
                if (raw.indexOf('\u0000') >= 0) {
                    throw new RejectedText(p, "must not contain NUL (U+0000) characters");
                }
                return raw.strip();
            }
        });
        module.addDeserializer(Instant.class, ranged(Instant.class,
                InstantDeserializer.INSTANT,
                v -> v.atOffset(ZoneOffset.UTC).getYear()));
        module.addDeserializer(OffsetDateTime.class, ranged(OffsetDateTime.class,
                InstantDeserializer.OFFSET_DATE_TIME,
                v -> v.toInstant().atOffset(ZoneOffset.UTC).getYear()));
        module.addDeserializer(ZonedDateTime.class, ranged(ZonedDateTime.class,
                InstantDeserializer.ZONED_DATE_TIME,
                v -> v.toInstant().atOffset(ZoneOffset.UTC).getYear()));
        module.addDeserializer(LocalDateTime.class, ranged(LocalDateTime.class,
                LocalDateTimeDeserializer.INSTANCE,
                LocalDateTime::getYear));
        module.addDeserializer(LocalDate.class, ranged(LocalDate.class,
                LocalDateDeserializer.INSTANCE,
                LocalDate::getYear));
        mapper.registerModule(module);
        // {"title": "a", "title": "b"} is refused rather than silently keeping the last value.
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** {@code delegate}'s value, refused as a 400 naming the field when its year is outside the range. */
    private static <T> StdScalarDeserializer<T> ranged(Class<T> type,
            JsonDeserializer<? extends T> delegate,
            ToIntFunction<T> year) {
        return new StdScalarDeserializer<T>(type) {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                T value = delegate.deserialize(p, ctx);
                if (value != null && (year.applyAsInt(value) < MIN_YEAR || year.applyAsInt(value) > MAX_YEAR)) {
                    throw new RejectedText(p, "must be between the years " + MIN_YEAR + " and " + MAX_YEAR);
                }
                return value;
            }
        };
    }
}
