package dev.accrue.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Wires the request limits into every service. The filter runs right after API-key authentication
 * (order +10), so an anonymous request to a protected endpoint gets its 401 with the body unread,
 * and a public endpoint gets its size and concurrency limits before anything reads the body.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(RequestLimitProperties.class)
public class RequestLimitsConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(RequestLimitProperties properties) {
        var registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(new RequestLimits(properties), properties.retryAfter()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    RequestLimitProblems requestLimitProblems() {
        return new RequestLimitProblems();
    }
}
