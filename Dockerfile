# Build: Maven on Temurin 17. Run: Temurin 17 JRE, non-root, data in the /data volume.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY migrations migrations
COPY web web
COPY src src
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system wiki \
 && useradd --system --gid wiki --home-dir /app --shell /usr/sbin/nologin wiki \
 && mkdir -p /app /data \
 && chown wiki:wiki /data
WORKDIR /app
COPY --from=build /src/target/afsprakenwiki.jar /app/afsprakenwiki.jar
USER wiki
ENV AFSPRAKENWIKI_DATA=/data \
    PORT=7070
VOLUME /data
EXPOSE 7070
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/api/v1/health" || exit 1
# -XX:-ClassUnloadingWithConcurrentMark: G1 looked for classes to unload at the end of every
# concurrent marking, most of a pause of 17-41 ms for all requests at once (every second or two under
# load at national scale); the wiki loads its classes once and unloads none (docs/BENCHMARKS.md, 2026-12-07)
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:-ClassUnloadingWithConcurrentMark", \
            "-jar", "/app/afsprakenwiki.jar"]
CMD ["serve"]
