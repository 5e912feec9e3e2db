package dev.accrue.credit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain (feature roots, not their web/kafka adapters) imports nothing from Spring, Kafka or Avro. */
@AnalyzeClasses(packages = "dev.accrue.credit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_is_free_of_spring_kafka_and_avro = noClasses()
            .that().resideInAnyPackage("dev.accrue.credit.catalog", "dev.accrue.credit.licensee",
                    "dev.accrue.credit.attendance", "dev.accrue.credit.accrual", "dev.accrue.credit.compliance",
                    "dev.accrue.credit.certificate", "dev.accrue.credit.rules")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "org.apache.avro..", "dev.accrue.events..", "dev.accrue.schemas..", "dev.accrue.platform..",
                    "co.elastic..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule avro_classes_stay_in_kafka_adapters = noClasses()
            .that().resideOutsideOfPackages("..kafka..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.accrue.events..");
}
