// A demo origin for `npm start`: prints every request timgate passes on, checks its
// Standard Webhooks signature when FORWARD_SECRET is set, and answers 200.
import { createHmac } from "node:crypto";
import http from "node:http";

const port = Number(process.env.DEMO_ORIGIN_PORT ?? 8788);
const secret = process.env.FORWARD_SECRET;

function signatureOk(headers, body) {
  if (!secret) return "unsigned (FORWARD_SECRET not set)";
  const key = Buffer.from(secret.split(" ")[0].replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key)
    .update(`${headers["webhook-id"]}.${headers["webhook-timestamp"]}.`)
    .update(body)
    .digest("base64");
  return (headers["webhook-signature"] ?? "").split(" ").includes(`v1,${expected}`) ? "signature ok" : "SIGNATURE BAD";
}

http
  .createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const command = new URL(req.url, "http://x").searchParams.get("CallbackCommand");
      console.log(`\n[origin] ${req.method} ${command} id=${req.headers["webhook-id"]} (${signatureOk(req.headers, body)})`);
      console.log(`[origin] ${body.toString("utf8").slice(0, 2000)}`);
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}');
    });
  })
  .listen(port, "127.0.0.1", () => console.log(`[origin] demo origin listening on http://127.0.0.1:${port}/tencent`));
