# The GraphQL API. Built and run by docker-compose.yml, which also starts Neo4j and passes NEO4J_URI.

FROM node:24-slim AS build
WORKDIR /app
# Dependencies first: this layer is reused until package-lock.json changes.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-slim
ENV NODE_ENV=production
WORKDIR /app
# The whole pruned tree: at run time the API reads cypher/, seeds/ and schema/ found from dist/.
COPY --from=build --chown=node:node /app ./
USER node
EXPOSE 4000
CMD ["node", "dist/src/main.js"]
