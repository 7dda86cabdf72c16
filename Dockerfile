# syntax=docker/dockerfile:1
# One application image for every service (`node apps/<svc>/dist/main.js`), plus the web image
# (target `web`: nginx serving the built client).
#   docker build -t registry.example.com/auction-platform/app:0.1.0 .
#   docker build --target web -t registry.example.com/auction-platform/web:0.1.0 .
# Pin versions: base images by tag here (add @sha256 digests in your registry mirror).
ARG NODE_VERSION=20.20.2
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.27.3-alpine

# ---- build: install everything, compile services and the web client, then drop dev dependencies
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
ENV NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false CI=true
COPY . .
RUN npm ci --no-audit --no-fund
RUN npm run build
# The web client's default Sentry release, as the services name theirs (name@version).
RUN node -p '`auction-platform@${require("./package.json").version}`' > /app/release
RUN npm prune --omit=dev --no-audit --no-fund

# ---- web: the built client behind nginx, unprivileged (uid 101), config generated from the route table.
# The entrypoint writes /tmp/runtime/config.json and the CSP's Sentry origin from SENTRY_DSN first.
FROM ${NGINX_IMAGE} AS web
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
COPY --from=build /app/release /etc/nginx/auction/release
COPY ops/nginx/web.conf /etc/nginx/auction/web.conf
COPY --chmod=0755 ops/nginx/web-entrypoint.sh /usr/local/bin/web-entrypoint.sh
EXPOSE 8080 8081
ENTRYPOINT ["/usr/local/bin/web-entrypoint.sh"]
CMD ["nginx", "-p", "/tmp", "-c", "/etc/nginx/auction/web.conf", "-e", "/dev/stderr", "-g", "daemon off;"]

# ---- app (default): production dependencies, compiled libs (with their SQL migrations) and apps
FROM node:${NODE_VERSION}-bookworm-slim AS app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/libs ./libs
COPY --from=build /app/apps ./apps
USER node
EXPOSE 3000
# Kubernetes, Helm and docker-compose set the command per service (apps/<svc>/dist/main.js) and for
# migrations (apps/standalone/dist/migrate.js); alone, the image runs standalone mode.
CMD ["node", "apps/standalone/dist/main.js"]
