# One image for every Node service of the stack: the Medusa server and worker,
# the local chain and the storefronts. Which one runs is the compose command.
FROM node:20-bookworm
WORKDIR /app
RUN npm install -g npm@11
COPY . .
RUN npm ci --no-audit --no-fund && npm run build
ENV MEDUSA_DISABLE_TELEMETRY=true
EXPOSE 9000 8000 8001 8545
CMD ["node", "medusa-server/dist/main.js", "start"]
