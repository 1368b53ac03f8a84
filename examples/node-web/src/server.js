// node-web: a small Express service. The image runs dist/server.js, the output of `npm run build`; express and
// helmet come from npm, installed by `npm ci` from the committed package-lock.json.
const express = require("express");
const helmet = require("helmet");
const os = require("os");
const buildInfo = require("./build-info.json");

const port = Number(process.env.PORT || 3000);
const app = express();
app.use(helmet());

app.get("/health", (req, res) => res.json({ status: "healthy" }));
app.get("/", (req, res) =>
  res.json({ message: "hello from node-web", version: buildInfo.version, machine: os.machine(), express: require("express/package.json").version }));
app.use((req, res) => res.status(404).json({ error: "not found" }));

const server = app.listen(port, "0.0.0.0", () => console.log(`listening on :${port}`));

// docker stop sends SIGTERM; close the server so the container exits at once.
process.on("SIGTERM", () => server.close(() => process.exit(0)));
