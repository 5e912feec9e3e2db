package dev.accrue.credit.certificate.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

/** The signing key published in application-local.yml must never sign outside the local profile. */
class DevelopmentSigningKeyTest {

    private static final String DEVELOPMENT_KEY = developmentKey();

    private final ApplicationContextRunner credentials = new ApplicationContextRunner()
            .withUserConfiguration(OpenBadgeCredentials.class);

    @Test
    void theServiceDoesNotStartWithTheDevelopmentKeyOutsideTheLocalProfile() {
        credentials.withPropertyValues("accrue.credit.credentials.signing-key=" + DEVELOPMENT_KEY)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("development credential-signing key")
                        .hasMessageContaining("'local' profile is not active"));
    }

    @Test
    void theDevelopmentKeyIsRecognisedWhateverItsKeyIdOrLayout() {
        String renamed = DEVELOPMENT_KEY.replace("accrue-dev-2025", "prod-2025").replace(",", " , ");

        credentials.withPropertyValues("accrue.credit.credentials.signing-key=" + renamed)
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void theDevelopmentKeySignsInTheLocalProfile() {
        credentials.withPropertyValues("accrue.credit.credentials.signing-key=" + DEVELOPMENT_KEY,
                        "spring.profiles.active=local")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(OpenBadgeCredentials.class));
    }

    @Test
    void aKeyOfYourOwnSignsInAnyProfile() throws Exception {
        String own = new ECKeyGenerator(Curve.P_256).keyID("own").generate().toJSONString();

        credentials.withPropertyValues("accrue.credit.credentials.signing-key=" + own)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(OpenBadgeCredentials.class));
    }

    private static String developmentKey() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application-local.yml"));
        return Objects.requireNonNull(yaml.getObject()).getProperty("accrue.credit.credentials.signing-key");
    }
}
