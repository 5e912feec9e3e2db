package dev.accrue.platform.security;

import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires API-key authentication into every service. Start-up fails when a key is malformed, or
 * when a documented development key is configured outside the {@code local} profile.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiKeyProperties.class)
public class ApiKeySecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiKeySecurityConfiguration.class);

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeyProperties properties, Environment environment) {
        ApiKeyAuthenticator.requireValid(properties.keys());
        refuseDevelopmentKeysOutsideLocal(properties.keys(), environment);
        if (properties.keys().isEmpty()) {
            log.warn("No API keys are configured (accrue.security.keys); every protected request will get 401");
        }
        var registration = new FilterRegistrationBean<>(
                new ApiKeyFilter(new ApiKeyAuthenticator(properties.keys()), properties.publicPaths()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    WebMvcConfigurer callerArgumentResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    static void refuseDevelopmentKeysOutsideLocal(List<ApiKeyProperties.Key> keys, Environment environment) {
        boolean local = Arrays.asList(environment.getActiveProfiles()).contains("local");
        List<String> devKeys = keys.stream().filter(k -> DevelopmentKeys.isDevelopmentHash(k.sha256()))
                .map(ApiKeyProperties.Key::name).toList();
        if (!devKeys.isEmpty() && !local) {
            throw new IllegalStateException("The published development API keys " + devKeys
                    + " are configured, but the 'local' profile is not active. Configure your own keys' SHA-256 hashes"
                    + " in accrue.security.keys, or run with --spring.profiles.active=local for development only.");
        }
    }
}
