import { Agent, request } from 'node:http';

// The load generator: Node's own http client with keep-alive sockets (one per in-flight
// request), the same client against the gateway and the baseline so the client's cost cancels
// out of the ratios. node:http parses less than fetch per response, which matters on 2 cores.

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export class HttpClient {
  private readonly agent: Agent;

  constructor(
    private readonly baseUrl: string,
    maxSockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  send(method: string, path: string, body?: string): Promise<HttpResponse> {
    const url = new URL(path, this.baseUrl);
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method,
          agent: this.agent,
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Like send, but a status other than 200 is an error naming the request and the body. */
  async ok(method: string, path: string, body?: string): Promise<HttpResponse> {
    const res = await this.send(method, path, body);
    if (res.status !== 200)
      throw new Error(`${method} ${path} answered ${res.status}: ${res.body.slice(0, 500)}`);
    return res;
  }

  close(): void {
    this.agent.destroy();
  }
}

export function header(res: HttpResponse, name: string): string | undefined {
  const value = res.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
