// StdioIT's client: the official MCP TypeScript SDK starts `java -jar <jar> --stdio` as a client
// configured with that command would, lists the tools, calls email_list twice, and prints one JSON
// line with what it saw. Usage: node client.mjs <java> <jar>; the server's environment is this one's.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const [java, jar] = process.argv.slice(2);
const transportErrors = [];
const transport = new StdioClientTransport({
  command: java,
  args: ["-Xmx512m", "-jar", jar, "--stdio"],
  env: process.env,
  stderr: "pipe",
});
let stderr = "";
transport.stderr?.on("data", (chunk) => (stderr += chunk));
const client = new Client({ name: "m365-mcp-stdio-it", version: "1.0.0" });
client.onerror = (error) => transportErrors.push(String(error));

const timeout = { timeout: 240_000 };
await client.connect(transport, timeout);
const server = client.getServerVersion();
const tools = await client.listTools(undefined, timeout);
const call = () =>
  client.callTool({ name: "email_list", arguments: { account_id: "demo", limit: 3 } }, undefined, timeout);
const first = await call();
const second = await call();
// Bad input: a tool error or a JSON-RPC error, either way a message naming the argument, and the server goes on.
let badText;
try {
  const bad = await client.callTool({ name: "email_list", arguments: { account_id: "demo", limit: "many" } });
  badText = bad.isError ? bad.content?.[0]?.text : undefined;
} catch (error) {
  badText = String(error?.message ?? error);
}
const after = await client.callTool({ name: "server_get_version", arguments: {} }, undefined, timeout);
await client.close();

console.log(
  JSON.stringify({
    server: server?.name,
    tools: tools.tools.map((tool) => tool.name),
    firstState: first.structuredContent?.cache?.state,
    secondState: second.structuredContent?.cache?.state,
    messages: second.structuredContent?.messages?.length,
    badText,
    mode: after.structuredContent?.mode,
    transportErrors,
    stderr,
  }),
);
