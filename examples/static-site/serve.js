// A development server for dist/ (`npm start`); the image serves dist/ with busybox httpd instead.
const fs = require("fs");
const http = require("http");
const path = require("path");

const root = path.join(__dirname, "dist");
const port = Number(process.env.PORT || 8080);
const types = { ".html": "text/html", ".css": "text/css" };

http.createServer((req, res) => {
  const file = path.join(root, req.url === "/" ? "index.html" : path.normalize(req.url));
  if (!file.startsWith(root) || !fs.existsSync(file)) {
    res.writeHead(404);
    return res.end("not found");
  }
  res.writeHead(200, { "Content-Type": types[path.extname(file)] || "application/octet-stream" });
  fs.createReadStream(file).pipe(res);
}).listen(port, () => console.log(`serving dist/ on :${port}`));
