# Evenkeel in a container: docker compose up (compose.yaml) runs it with Redis.
# Build stage: the same build ./evenkeel does, without tests (CI runs them).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY bot-core bot-core
COPY adapters adapters
COPY bot-app bot-app
COPY benchmarks benchmarks
RUN mvn -q -B -Dmaven.test.skip=true -Dspotless.check.skip=true -pl bot-app -am package \
 && cp bot-app/target/bot-app-*-all.jar /src/evenkeel.jar

# Run stage: a JRE, a font for the /mood charts, and nothing else.
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin evenkeel
WORKDIR /app
COPY --from=build /src/evenkeel.jar /app/evenkeel.jar
COPY config /app/config
COPY content /app/content
USER evenkeel
# Health and metrics (EVENKEEL_HTTP_PORT); the Telegram webhook may share it.
EXPOSE 8080
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/evenkeel.jar"]
