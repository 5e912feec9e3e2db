package dev.accrue.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The domain (each feature's root package, and the shared access, validation, errors, view and batch
 * packages) is plain Java: no Spring, Kafka, Avro, Jackson, servlet or Elasticsearch, and no adapter.
 * Generated Avro classes appear only in {@code kafka} adapters.
 */
@AnalyzeClasses(packages = "dev.accrue.ingest", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] DOMAIN = {"dev.accrue.ingest.catalog", "dev.accrue.ingest.licensee",
            "dev.accrue.ingest.attendance", "dev.accrue.ingest.access", "dev.accrue.ingest.validation",
            "dev.accrue.ingest.errors", "dev.accrue.ingest.view", "dev.accrue.ingest.batch"};

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "org.apache.avro..", "dev.accrue.events..", "co.elastic..", "org.elasticsearch..", "tools.jackson..",
                    "com.fasterxml.jackson..", "jakarta..", "dev.accrue.platform..", "io.micrometer..", "io.swagger..");

    @ArchTest
    static final ArchRule domainDoesNotReachIntoAdapters = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..kafka..", "..csv..");

    @ArchTest
    static final ArchRule avroClassesStayInKafkaAdapters = noClasses().that().resideOutsideOfPackage("..kafka..")
            .should().dependOnClassesThat().resideInAPackage("dev.accrue.events..");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes().that().haveSimpleNameEndingWith("Controller")
            .should().notBePublic();
}
