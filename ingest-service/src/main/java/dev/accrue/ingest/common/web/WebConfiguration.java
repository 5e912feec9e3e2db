package dev.accrue.ingest.common.web;

import dev.accrue.ingest.IngestProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** The request size filter (after API-key authentication, so anonymous uploads are refused unread) and the OpenAPI description. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(IngestProperties properties, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(properties.limits(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    OpenAPI ingestOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Accrue ingest API").version("v1").description(
                        "Providers send their catalog, licensees and attendance. Every write is answered only after Kafka"
                                + " has durably stored it; errors are application/problem+json (RFC 9457)."))
                .components(new Components().addSecuritySchemes("apiKey",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("Authorization: Bearer <api key>")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
