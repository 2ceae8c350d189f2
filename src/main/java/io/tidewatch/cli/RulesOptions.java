package io.tidewatch.cli;

import io.tidewatch.core.BrandProfile;
import io.tidewatch.core.BrandProfileReader;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The configuration options every command shares (DESIGN.md, "Configuration"). */
public final class RulesOptions {
    @Option(names = "--rules", paramLabel = "DIR", description = "Rules directory (default: ${DEFAULT-VALUE}).",
            defaultValue = "rules")
    Path rulesDir;

    @Option(names = "--brand", paramLabel = "FILE", description = "Brand profile (default: DIR/brand.yaml).")
    Path brandFile;

    @Option(names = "--secrets", paramLabel = "FILE",
            description = "Extra gitleaks-format rule file, loaded unmodified (repeatable).")
    List<Path> extraSecrets = new ArrayList<>();

    public Path rulesDir() { return rulesDir; }

    public Path brandFile() { return brandFile != null ? brandFile : rulesDir.resolve("brand.yaml"); }

    public List<Path> extraSecrets() { return List.copyOf(extraSecrets); }

    public BrandProfile brand() { return BrandProfileReader.read(brandFile()); }
}
