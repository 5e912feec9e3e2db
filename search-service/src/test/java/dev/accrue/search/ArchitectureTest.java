package dev.accrue.search;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The feature roots (catalog, indexing, analytics, reporting) hold the pure domain: they import nothing from
 * Spring, Kafka, Avro or Elasticsearch. Adapters live in their web, kafka and elastic sub-packages,
 * and only kafka adapters see the generated Avro classes.
 */
@AnalyzeClasses(packages = "dev.accrue.search", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] DOMAIN = {"dev.accrue.search.catalog", "dev.accrue.search.indexing", "dev.accrue.search.analytics",
            "dev.accrue.search.reporting"};

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "org.apache.avro..", "dev.accrue.events..", "co.elastic..", "org.elasticsearch..", "jakarta..");

    @ArchTest
    static final ArchRule avroStaysInKafkaAdapters = noClasses().that().resideOutsideOfPackages("..kafka..")
            .should().dependOnClassesThat().resideInAPackage("dev.accrue.events..");

    @ArchTest
    static final ArchRule domainDoesNotReachIntoAdapters = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..kafka..", "..elastic..");
}
