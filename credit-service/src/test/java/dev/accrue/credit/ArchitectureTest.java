package dev.accrue.credit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The domain (feature roots) is plain Java and does not reach into adapters; Avro stays in the Kafka
 * adapters and the Streams packages; controllers read through their feature's query port, never the
 * Streams stores.
 */
@AnalyzeClasses(packages = "dev.accrue.credit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] DOMAIN = {"dev.accrue.credit.catalog", "dev.accrue.credit.licensee",
            "dev.accrue.credit.attendance", "dev.accrue.credit.accrual", "dev.accrue.credit.compliance",
            "dev.accrue.credit.certificate", "dev.accrue.credit.rules"};

    @ArchTest
    static final ArchRule domainIsFreeOfSpringKafkaAndAvro = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "org.apache.avro..", "dev.accrue.events..", "dev.accrue.schemas..", "dev.accrue.platform..",
                    "co.elastic..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule domainDoesNotReachIntoAdapters = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..kafka..", "..streams..", "..query..");

    @ArchTest
    static final ArchRule avroClassesStayInKafkaAdaptersAndStreams = noClasses()
            .that().resideOutsideOfPackages("..kafka..", "dev.accrue.credit.streams..", "dev.accrue.credit.query..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.accrue.events..");

    @ArchTest
    static final ArchRule controllersReadThroughQueryPorts = noClasses().that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().resideInAnyPackage("dev.accrue.credit.streams..", "dev.accrue.credit.query..",
                    "org.apache.kafka.streams..");
}
