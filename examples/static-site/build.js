// The site build: copies src/ to dist/, fingerprints the stylesheet (style.<hash>.css) so browsers can cache it
// forever, and points index.html at it. Dependency-free on purpose (builds here have no network for npm).
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const src = path.join(__dirname, "src");
const dist = path.join(__dirname, "dist");
fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(dist, { recursive: true });

const css = fs.readFileSync(path.join(src, "style.css"));
const hash = crypto.createHash("sha256").update(css).digest("hex").slice(0, 10);
const cssName = `style.${hash}.css`;
fs.writeFileSync(path.join(dist, cssName), css);

const { version } = require("./package.json");
const html = fs.readFileSync(path.join(src, "index.html"), "utf8")
  .replace("style.css", cssName)
  .replace("{{version}}", version);
fs.writeFileSync(path.join(dist, "index.html"), html);
console.log(`built index.html and ${cssName} into dist/`);
