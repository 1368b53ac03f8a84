// node-web: a small HTTP service. The image runs dist/server.js, the output of `npm run build`.
const http = require("http");
const os = require("os");
const buildInfo = require("./build-info.json");

const port = Number(process.env.PORT || 3000);

function send(res, status, body) {
  const data = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(data) });
  res.end(data);
}

const server = http.createServer((req, res) => {
  if (req.url === "/health") return send(res, 200, { status: "healthy" });
  if (req.url === "/") return send(res, 200, { message: "hello from node-web", version: buildInfo.version, machine: os.machine() });
  send(res, 404, { error: "not found" });
});

// docker stop sends SIGTERM; close the server so the container exits at once.
process.on("SIGTERM", () => server.close(() => process.exit(0)));

server.listen(port, "0.0.0.0", () => console.log(`listening on :${port}`));
