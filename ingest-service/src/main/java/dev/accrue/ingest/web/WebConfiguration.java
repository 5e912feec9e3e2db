package dev.accrue.ingest.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description. Request size and concurrency limits come from the platform ({@code accrue.web.limits}). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

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
