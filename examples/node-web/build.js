// The build step: copies src/ to dist/ without comment-only lines and records what it built.
// Plain Node on purpose: the build step needs no packages of its own.
const fs = require("fs");
const path = require("path");

const src = path.join(__dirname, "src");
const dist = path.join(__dirname, "dist");
fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(dist, { recursive: true });

const files = fs.readdirSync(src).filter((f) => f.endsWith(".js")).sort();
for (const file of files) {
  const code = fs.readFileSync(path.join(src, file), "utf8");
  const stripped = code.split("\n").filter((line) => !/^\s*\/\//.test(line)).join("\n");
  fs.writeFileSync(path.join(dist, file), stripped);
}
const { version } = require("./package.json");
fs.writeFileSync(path.join(dist, "build-info.json"), JSON.stringify({ version, files }, null, 2) + "\n");
console.log(`built ${files.length} file(s) into dist/`);
