package se.utfall.web.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Every text that arrives in a JSON body is normalised once, here: surrounding whitespace of every kind is
 * stripped (so a title of only U+3000 is blank and refused by {@code @NotBlank}), and a NUL character, which
 * PostgreSQL cannot store, is refused as a 400 naming the field.
 */
@Singleton
public class TextInput implements ObjectMapperCustomizer {

    /** A text the platform cannot accept; mapped to a 400 problem with the field's path. */
    public static final class RejectedText extends MismatchedInputException {
        RejectedText(JsonParser p, String message) {
            super(p, message);
        }
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
        mapper.registerModule(module);
    }
}
