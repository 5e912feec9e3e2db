# One image recipe for the three services: docker-compose passes SERVICE as a build argument.
# Stage 1 builds the service's executable jar with the Maven wrapper; stage 2 runs it on a JRE.
FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -pl ${SERVICE} -am package -DskipTests \
    && cp ${SERVICE}/target/${SERVICE}-*.jar /app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 accrue && mkdir -p /var/lib/accrue && chown accrue /var/lib/accrue
USER accrue
COPY --from=build /app.jar /opt/accrue/app.jar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
# On the command line, so setting JAVA_TOOL_OPTIONS (e.g. to profile) cannot drop it: a JVM out of heap can lose
# the threads that serve requests and stay up answering nothing, so it exits and the orchestrator restarts it.
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/accrue/app.jar"]
