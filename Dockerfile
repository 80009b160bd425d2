# syntax=docker/dockerfile:1
# The headless server as a container image: App Runner, ECS Fargate (cloudformation/) or any Docker host.
#
#   docker build -t image-organizer .                                # the CLIP model is fetched at first start
#   docker build --build-arg FETCH_MODEL=true -t image-organizer .   # the model is in the image (App Runner, ECS)
#   docker run -p 8080:8080 -e IMAGE_ORGANIZER_API_KEY="$(openssl rand -hex 32)" \
#     -v image-organizer:/var/lib/image-organizer image-organizer
#
# It runs `image-organizer-cli serve` with IMAGE_ORGANIZER_HOME=/var/lib/image-organizer, IMAGE_ORGANIZER_HOST=0.0.0.0
# and PORT=8080: the command the README documents and the systemd unit runs (ServeCommandConsistencyTest checks it),
# with a class-data-sharing archive made in the build (ADR 0030).
# installer/container-smoke.sh builds the image and checks /health.

# --- build: the Maven Wrapper lays out the server folder (target/image-organizer-server-VERSION/image-organizer)
FROM eclipse-temurin:17-jdk-noble AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml LICENSE THIRD-PARTY.md ./
COPY installer/server/ installer/server/
COPY installer/strip-natives.sh installer/jar-tools.sh installer/native-libraries.txt installer/
COPY src/ src/
# the multi-platform jars (ONNX Runtime, OpenCV, tokenizers, ...) keep only this image's natives:
# the server folder goes from about 435 to 214 MB
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -DskipTests package \
    && cp -a target/image-organizer-server-*/image-organizer /opt/image-organizer \
    && case "$(uname -m)" in aarch64) platform=linux-aarch64 ;; *) platform=linux-x86_64 ;; esac \
    && bash installer/strip-natives.sh "$platform" /opt/image-organizer/lib

# --- runtime: a JRE, the server folder (no JavaFX), a non-root user, the data folder as a volume
FROM eclipse-temurin:17-jre-noble
ARG FETCH_MODEL=false
ENV IMAGE_ORGANIZER_HOME=/var/lib/image-organizer \
    IMAGE_ORGANIZER_HOST=0.0.0.0 \
    PORT=8080 \
    PATH=/opt/image-organizer/bin:$PATH
RUN groupadd --system --gid 10001 image-organizer \
    && useradd --system --uid 10001 --gid image-organizer --home-dir /var/lib/image-organizer \
       --shell /usr/sbin/nologin image-organizer \
    && install -d -o image-organizer -g image-organizer -m 0750 /var/lib/image-organizer
COPY --from=build /opt/image-organizer /opt/image-organizer
COPY --chmod=0755 installer/container/entrypoint.sh /opt/image-organizer/bin/container-entrypoint
USER image-organizer
# with FETCH_MODEL=true the model goes into the cache folder now, before the folder becomes a volume
# (a new volume starts with the image's content); otherwise the entry point fetches it at first start
RUN if [ "$FETCH_MODEL" = true ]; then image-organizer-cli download-model; fi
# class-data sharing (ADR 0030): a training run of this image's Java and jars writes the archive the launcher
# maps at every start (/opt/image-organizer/image-organizer.jsa; the JVM refuses one made elsewhere). It needs
# no model and imports with the one fetched above, if any; it works in a scratch folder and writes nothing in
# the data folder. As root, who owns /opt; the JRE's base archive is made first if the JRE has none. Written
# aside and then renamed: Java 17 crashes on a truncated archive.
USER root
RUN { [ -f "$JAVA_HOME/lib/server/classes.jsa" ] || java -Xshare:dump > /dev/null; } \
    && JAVA_OPTS="-XX:ArchiveClassesAtExit=/opt/image-organizer/image-organizer.jsa.new -Xlog:cds=off -Xlog:cds+dynamic=off" \
       image-organizer-cli cds-training \
    && chmod 0644 /opt/image-organizer/image-organizer.jsa.new \
    && mv /opt/image-organizer/image-organizer.jsa.new /opt/image-organizer/image-organizer.jsa
USER image-organizer
VOLUME ["/var/lib/image-organizer"]
EXPOSE 8080
# the first start may fetch the model (~600 MB) before the port opens: a long start period
HEALTHCHECK --interval=30s --timeout=5s --start-period=10m --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${PORT}/health" > /dev/null || exit 1
ENTRYPOINT ["/opt/image-organizer/bin/container-entrypoint"]
CMD ["serve"]
