package dev.accrue.platform.security;

import java.time.Clock;
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
 * Wires API-key authentication, and the authentication of requests forwarded between instances, into
 * every service. Start-up fails when a key or the inter-instance secret is malformed, or when a
 * documented development key or secret is configured outside the {@code local} profile.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({ApiKeyProperties.class, PeerProperties.class})
public class ApiKeySecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiKeySecurityConfiguration.class);

    @Bean
    PeerRequests peerRequests(PeerProperties properties, Environment environment) {
        PeerRequests.requireValid(properties.secret());
        if (properties.secret().equals(DevelopmentKeys.PEER_SECRET)) {
            DevelopmentKeys.refuseOutsideLocal("development inter-instance secret is",
                    "Configure a secret of your own in accrue.security.peer.secret", environment);
        }
        return new PeerRequests(properties.secret(), Clock.systemUTC());
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeyProperties properties, PeerRequests peers,
                                                      Environment environment) {
        ApiKeyAuthenticator.requireValid(properties.keys());
        refuseDevelopmentKeysOutsideLocal(properties.keys(), environment);
        if (properties.keys().isEmpty()) {
            log.warn("No API keys are configured (accrue.security.keys); every protected request will get 401");
        }
        var registration = new FilterRegistrationBean<>(
                new ApiKeyFilter(new ApiKeyAuthenticator(properties.keys()), peers, properties.publicPaths()));
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
        List<String> devKeys = keys.stream().filter(k -> DevelopmentKeys.isDevelopmentHash(k.sha256()))
                .map(ApiKeyProperties.Key::name).toList();
        if (!devKeys.isEmpty()) {
            DevelopmentKeys.refuseOutsideLocal("development API keys " + devKeys + " are",
                    "Configure your own keys' SHA-256 hashes in accrue.security.keys", environment);
        }
    }
}
