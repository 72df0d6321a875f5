# Sanbao in a container (docs/operations-backup.md, docker-compose.yml). Build: docker build -t sanbao .
# Stage 1 builds the jar with the project's own Maven wrapper; stage 2 runs it on a JDK 17 runtime as a non-root user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
RUN ./mvnw -B -ntp -q -o package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system sanbao && useradd --system --gid sanbao --home-dir /var/lib/sanbao --create-home sanbao
COPY --from=build /src/target/sanbao.jar /opt/sanbao/sanbao.jar
# ./data (H2 file, audit anchor log) is relative to the working directory: keep it on a volume
WORKDIR /var/lib/sanbao
VOLUME /var/lib/sanbao/data
USER sanbao
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
HEALTHCHECK --interval=30s --timeout=5s --start-period=180s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/opt/sanbao/sanbao.jar", "--spring.profiles.active=postgres"]
