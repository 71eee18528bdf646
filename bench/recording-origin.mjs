// An origin for the fault script: appends the webhook-id of every event it accepts to a file
// (so counts survive being killed), then answers 200. Usage: node recording-origin.mjs PORT FILE
import { appendFileSync } from "node:fs";
import http from "node:http";

const [port, file] = process.argv.slice(2);
http
  .createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const ids = req.headers["timgate-batch"] ? [] : [req.headers["webhook-id"]];
      appendFileSync(file, ids.map((id) => id + "\n").join(""));
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    });
  })
  .listen(Number(port), "127.0.0.1", () => process.send?.("ready"));
