package se.utfall.rfi;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/**
 * The OCDS 1.1 package schemas as published (kept under src/test/resources/ocds-1.1), with their references to
 * the standard's site read from there, checked by a maintained JSON Schema validator with formats asserted.
 */
final class OcdsSchemas {
    static final JsonSchema RELEASE_PACKAGE = schema("release-package-schema.json", true);
    /**
     * Not preloaded: the record schema names the versioned-release schema, which records here never use (and which
     * the standard's folder does not hold); a record that had one would fail on it.
     */
    static final JsonSchema RECORD_PACKAGE = schema("record-package-schema.json", false);

    private OcdsSchemas() {
    }

    private static JsonSchema schema(String file, boolean preload) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder.schemaMappers(m ->
                m.mapPrefix("https://standard.open-contracting.org/schema/1__1__5/", "classpath:ocds-1.1/")))
                .getSchema(SchemaLocation.of("classpath:ocds-1.1/" + file), SchemaValidatorsConfig.builder()
                        .formatAssertionsEnabled(true).preloadJsonSchema(preload).build());
    }
}
