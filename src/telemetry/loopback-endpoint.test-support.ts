/**
 * A real HTTP endpoint on loopback for the browser-side tests, recording the bodies it receives.
 * `node:http` is loaded through a variable so the app's type program (DOM only) stays free of Node.
 */
interface NodeHttpServer {
  listen(port: number, host: string, done: () => void): void;
  close(done: () => void): void;
}
interface NodeHttp {
  createServer(
    handler: (
      request: { url?: string; on(event: string, listener: (chunk?: unknown) => void): void },
      response: {
        writeHead(status: number, headers: Record<string, string>): void;
        end(body?: string): void;
      },
    ) => void,
  ): NodeHttpServer;
}

export interface LoopbackEndpoint {
  url: string;
  bodies: string[];
  close(): Promise<void>;
}

/** `routes` maps a path to its status and JSON answer; other paths answer 404 text. */
export async function startLoopbackEndpoint(
  port: number,
  routes: Record<string, { status: number; json: unknown }>,
): Promise<LoopbackEndpoint> {
  const moduleName = 'node:http';
  const http = (await import(/* @vite-ignore */ moduleName)) as NodeHttp;
  const bodies: string[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += String(chunk)));
    request.on('end', () => {
      const route = routes[request.url ?? ''];
      if (body) bodies.push(body);
      if (!route) {
        response.writeHead(404, { 'Content-Type': 'text/plain' });
        response.end('not found');
        return;
      }
      response.writeHead(route.status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(route.json));
    });
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    close: () => new Promise<void>((done) => server.close(done)),
  };
}
