package io.tidewatch.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The core knows nothing of Telegram or Twitter: adapters translate (DESIGN.md, "Packages"). */
@AnalyzeClasses(packages = "io.tidewatch", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    private static final String[] CORE = {
            "io.tidewatch.core..", "io.tidewatch.detect..", "io.tidewatch.support..",
            "io.tidewatch.announce..", "io.tidewatch.policy.."};

    @ArchTest
    static final ArchRule core_does_not_import_platform_libraries = noClasses()
            .that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("org.telegram..", "twitter4j..");

    @ArchTest
    static final ArchRule core_does_not_import_adapters = noClasses()
            .that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.tidewatch.telegram..", "io.tidewatch.twitter..", "io.tidewatch.cli..");

    /** The web surface calls the core (moderation, support, announce, store), never a platform adapter. */
    @ArchTest
    static final ArchRule web_does_not_import_adapters = noClasses()
            .that().resideInAPackage("io.tidewatch.web..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.tidewatch.telegram..", "io.tidewatch.twitter..", "io.tidewatch.cli..", "org.telegram..", "twitter4j..");

    @ArchTest
    static final ArchRule core_does_not_import_web = noClasses()
            .that().resideInAnyPackage(CORE).or().resideInAPackage("io.tidewatch.store..")
            .should().dependOnClassesThat().resideInAPackage("io.tidewatch.web..");

    /** Metrics are recorded by moderation, the adapters, the web and the CLI; the core stays free of them. */
    @ArchTest
    static final ArchRule core_does_not_record_metrics = noClasses()
            .that().resideInAnyPackage(CORE).or().resideInAPackage("io.tidewatch.store..")
            .should().dependOnClassesThat().resideInAPackage("io.tidewatch.metrics..");

    @ArchTest
    static final ArchRule metrics_depend_only_on_the_core_model = noClasses()
            .that().resideInAPackage("io.tidewatch.metrics..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.tidewatch.detect..", "io.tidewatch.support..", "io.tidewatch.announce..", "io.tidewatch.policy..",
                    "io.tidewatch.store..", "io.tidewatch.moderation..", "io.tidewatch.telegram..", "io.tidewatch.twitter..",
                    "io.tidewatch.web..", "io.tidewatch.cli..");

    @ArchTest
    static final ArchRule core_model_depends_on_no_other_project_package = noClasses()
            .that().resideInAPackage("io.tidewatch.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.tidewatch.detect..", "io.tidewatch.support..", "io.tidewatch.announce..",
                    "io.tidewatch.policy..", "io.tidewatch.store..");

    @ArchTest
    static final ArchRule moderation_imports_no_adapter = noClasses()
            .that().resideInAPackage("io.tidewatch.moderation..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.tidewatch.telegram..", "io.tidewatch.twitter..", "io.tidewatch.web..", "io.tidewatch.cli..",
                    "org.telegram..", "twitter4j..");

    @ArchTest
    static final ArchRule telegram_does_not_import_twitter = noClasses()
            .that().resideInAPackage("io.tidewatch.telegram..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tidewatch.twitter..", "twitter4j..");

    @ArchTest
    static final ArchRule twitter_does_not_import_telegram = noClasses()
            .that().resideInAPackage("io.tidewatch.twitter..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tidewatch.telegram..", "org.telegram..");
}
