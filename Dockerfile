# fincheck in a container image, for the Kubernetes Indexed Job and the Slurm array of
# examples/ (docs/scale.md). Two stages: a Debian 12 build with the project's own dependency
# script, and a slim runtime with only the shared libraries fincheck links and poppler-utils
# (pdftotext, for published PDFs).
#
#   docker build -t registry.example/fincheck:1.0.0 .
#   docker run --rm -v "$PWD/reports:/data/reports:ro" -v "$PWD/results:/results" \
#       registry.example/fincheck:1.0.0 batch /data/reports --out /results/night --jobs 2
#
# Not built on the machine where this file was written (no Docker there): docs/scale.md.

FROM debian:12 AS build
WORKDIR /src
# The dependency script first, so that the packages stay cached while the sources change.
COPY tools/install-deps.sh tools/install-deps.sh
RUN tools/install-deps.sh && rm -rf /var/lib/apt/lists/*
COPY . .
RUN cmake -S . -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release \
          -DFINCHECK_BUILD_TESTS=OFF -DFINCHECK_BUILD_BENCH=OFF \
 && cmake --build /build -j"$(nproc)" \
 && cmake --install /build --prefix /opt/fincheck --component runtime \
 && cmake --install /build --prefix /opt/fincheck --component plugins \
 && cmake --install /build --prefix /opt/fincheck --component data
# The Debian packages of every shared library the host and its plugins load: the runtime
# stage installs exactly these (dpkg knows a library by its resolved path under /usr;
# libc6 and libgcc-s1, which it knows under /lib, are in every Debian image).
RUN ldd /opt/fincheck/bin/fincheck /opt/fincheck/lib/fincheck/plugins/*.so \
      | awk '/=> \//{print $3}' | sort -u | xargs readlink -f \
      | xargs dpkg -S 2>/dev/null | cut -d: -f1 | sort -u > /opt/fincheck/runtime-packages.txt

FROM debian:12-slim
COPY --from=build /opt/fincheck /opt/fincheck
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      $(cat /opt/fincheck/runtime-packages.txt) poppler-utils poppler-data \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --no-create-home fincheck
ENV PATH=/opt/fincheck/bin:$PATH LANG=C.UTF-8
USER fincheck
ENTRYPOINT ["fincheck"]
CMD ["--help"]
