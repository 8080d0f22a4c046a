# One image for every Node service of the stack: the Medusa server and worker,
# the local chain and the storefronts. Which one runs is the compose command.
FROM node:20-bookworm
RUN npm install -g npm@11
# The app runs as the image's unprivileged `node` user: a compromised process cannot
# rewrite the code it runs or anything else in the image.
RUN mkdir /app && chown node:node /app
WORKDIR /app
USER node
COPY --chown=node:node . .
RUN npm ci --no-audit --no-fund && npm run build && npm run build:admin -w @pva/medusa-server
ENV MEDUSA_DISABLE_TELEMETRY=true
EXPOSE 9000 8000 8001 8545
CMD ["node", "medusa-server/dist/main.js", "start"]
