import { readFileSync } from 'node:fs';

// Summarizes a V8 .cpuprofile (written by `node --cpu-prof` at exit) by self time: where the
// process spent its CPU, per function and per package (node_modules/<pkg>, dist/libs/<lib>,
// node: internals, GC/idle/program).

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  where: string;
  percent: number;
}

export function summarizeProfile(
  path: string,
  top = 12,
): { functions: ProfileShare[]; packages: ProfileShare[]; busyPercent: number } {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    total += us;
    if (frame.functionName === '(idle)') {
      idle += us;
      continue;
    }
    const fn = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
    const pkg = packageOf(frame);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  }
  const busy = total - idle;
  const share = (m: Map<string, number>): ProfileShare[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, us]) => ({ where, percent: Math.round((us / busy) * 1000) / 10 }));
  return {
    functions: share(functions),
    packages: share(packages),
    busyPercent: Math.round((busy / total) * 1000) / 10,
  };
}

function shortUrl(url: string): string {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length);
  const dist = url.indexOf('/dist/');
  if (dist >= 0) return url.slice(dist + 1);
  return url.replace(/^file:\/\//, '');
}

function packageOf(frame: ProfileNode['callFrame']): string {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (frame.url.startsWith('node:')) return `node:${frame.url.slice(5).split('/')[0]}`;
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (nm) return nm[1]!;
  const lib = /\/dist\/(libs\/[^/]+(?:\/[^/]+)?|apps\/[^/]+)/.exec(frame.url);
  return lib ? lib[1]! : shortUrl(frame.url);
}
