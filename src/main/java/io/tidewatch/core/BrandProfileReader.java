package io.tidewatch.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and validates {@code brand.yaml}; errors name the file, line and field. */
public final class BrandProfileReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private BrandProfileReader() {}

    public static BrandProfile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": brand profile not found (pass --brand FILE or --rules DIR)");
        }
        BrandProfile profile = YamlFiles.value(YAML, file, BrandProfile.class);
        if (profile == null || profile.brand() == null || blank(profile.brand().name())) {
            throw new ConfigException(file + ": field 'brand.name' is required");
        }
        for (var platform : Platform.values()) {
            for (var a : profile.official().on(platform)) requireId(file, "official", a);
            for (var a : profile.staff().on(platform)) requireId(file, "staff", a);
        }
        return profile;
    }

    private static void requireId(Path file, String section, BrandProfile.Account a) {
        if (blank(a.id()) || !a.id().matches("-?\\d+")) {
            throw new ConfigException(file + ": '" + section + "' account " + a.username()
                    + " needs a numeric 'id' (trust is by id, never by name)");
        }
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }
}
