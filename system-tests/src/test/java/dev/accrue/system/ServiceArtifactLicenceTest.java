package dev.accrue.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.infra.launcher.ServiceFleet;
import dev.accrue.infra.launcher.StackLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Elasticsearch server jars are Elastic License 2.0 / AGPL / SSPL: they may run in tests and
 * the local stack, never ship inside a service. This checks the executable jars the build made.
 */
class ServiceArtifactLicenceTest {

    @ParameterizedTest
    @EnumSource(ServiceFleet.Service.class)
    void aServiceJarContainsNoElasticsearchServerCode(ServiceFleet.Service service) throws IOException {
        Path jar = StackLayout.locate().root().resolve(service.module()).resolve("target")
                .resolve(service.module() + "-0.1.0-SNAPSHOT.jar");

        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> libraries = zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith("BOOT-INF/lib/")).toList();

            assertThat(libraries).as("libraries of " + jar).isNotEmpty()
                    .noneMatch(n -> n.matches("BOOT-INF/lib/elasticsearch-\\d.*\\.jar"))
                    .noneMatch(n -> n.contains("/lucene-"))
                    .noneMatch(n -> n.contains("/transport-netty4"))
                    .noneMatch(n -> n.contains("/accrue-elasticsearch-node"));
        }
    }
}
