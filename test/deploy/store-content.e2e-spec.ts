import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';

// The store's content folder in the cluster (issue #23): a ConfigMap built from the folder's files,
// mounted as the same tree on both apps at STORE_CONTENT_DIR, renamed (and so rolled out) by any
// change of a file, and replaceable by another store's folder in an overlay.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEMO = 'content';
const OTHER = 'test/fixtures/stores/kranich';
const APPS = ['gateway', 'chatbot'];
const ONE_MIB = 1024 * 1024;

interface Item {
  key: string;
  path: string;
}
interface K8s {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  spec?: {
    template: {
      spec: {
        containers: Array<{
          name: string;
          env?: Array<{ name: string; value?: string }>;
          volumeMounts?: Array<{ name: string; mountPath: string; readOnly?: boolean }>;
        }>;
        volumes?: Array<{ name: string; configMap?: { name: string; items?: Item[] } }>;
      };
    };
  };
}

function kustomize(dir: string): K8s[] {
  const out = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', timeout: 15_000 });
  return parseAllDocuments(out)
    .map((doc) => doc.toJS() as K8s | null)
    .filter((o): o is K8s => o !== null);
}

/** Every file of a content folder the apps read, by its path in the folder. */
function folderFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const full = join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name !== 'kustomization.yaml') {
        files.set(relative(dir, full), readFileSync(full, 'utf8'));
      }
    }
  };
  walk(dir);
  return files;
}

function contentConfigMaps(objects: K8s[]): K8s[] {
  return objects.filter(
    (o) => o.kind === 'ConfigMap' && /^store-content-[a-z0-9]{10}$/.test(o.metadata.name),
  );
}

/** What a pod of the app sees under STORE_CONTENT_DIR: path -> text. */
function mountedTree(objects: K8s[], app: string): { dir: string; tree: Map<string, string> } {
  const deployment = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === app)!;
  const pod = deployment.spec!.template.spec;
  const container = pod.containers.find((c) => c.name === app)!;
  const dir = container.env?.find((e) => e.name === 'STORE_CONTENT_DIR')?.value ?? '';
  const mount = container.volumeMounts?.find((m) => m.mountPath === dir);
  expect(mount, `${app} mounts STORE_CONTENT_DIR`).toBeDefined();
  expect(mount!.readOnly, app).toBe(true);
  const volume = pod.volumes?.find((v) => v.name === mount!.name)?.configMap;
  const configMap = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === volume?.name);
  expect(configMap, `${app} mounts a ConfigMap of this build`).toBeDefined();
  const tree = new Map<string, string>();
  for (const item of volume!.items ?? []) tree.set(item.path, configMap!.data![item.key]);
  expect(volume!.items?.length, 'every key of the ConfigMap is mounted').toBe(
    Object.keys(configMap!.data!).length,
  );
  return { dir, tree };
}

describe.each([
  ['local', DEMO],
  ['ollama', DEMO],
  ['vcf-private-ai', DEMO],
  ['another-store', OTHER],
])('deploy/overlays/%s serves the content folder %s', (overlay, folder) => {
  const objects = kustomize(join(ROOT, 'deploy/overlays', overlay));

  it('as one hash-named ConfigMap under 1 MiB', () => {
    const maps = contentConfigMaps(objects);
    expect(maps).toHaveLength(1);
    const bytes = Object.entries(maps[0].data!).reduce(
      (sum, [k, v]) => sum + k.length + Buffer.byteLength(v),
      0,
    );
    expect(bytes).toBeLessThan(ONE_MIB);
  });

  it('mounted on both apps as the folder tree, at STORE_CONTENT_DIR', () => {
    const expected = folderFiles(join(ROOT, folder));
    expect(expected.has('store.yaml')).toBe(true);
    for (const app of APPS) {
      const { dir, tree } = mountedTree(objects, app);
      expect(dir, app).toMatch(/^\/[\w/.-]+$/);
      expect(new Map([...tree].sort()), app).toEqual(new Map([...expected].sort()));
    }
  });
});

describe('the content kustomizations', () => {
  it.each([DEMO, OTHER])('%s/kustomization.yaml is up to date with its folder', (folder) => {
    expect(() =>
      execFileSync('node', ['scripts/content-kustomize.mjs', folder, '--check'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });

  it('roll both apps when a file of the folder changes', () => {
    const work = mkdtempSync(join(tmpdir(), 'store-content-'));
    try {
      cpSync(join(ROOT, DEMO), join(work, 'content'), { recursive: true });
      cpSync(join(ROOT, 'deploy/base'), join(work, 'deploy/base'), { recursive: true });
      const build = () => {
        const objects = kustomize(join(work, 'deploy/base'));
        const name = contentConfigMaps(objects)[0].metadata.name;
        for (const app of APPS) {
          const deployment = objects.find(
            (o) => o.kind === 'Deployment' && o.metadata.name === app,
          )!;
          const volumes = deployment.spec!.template.spec.volumes ?? [];
          expect(
            volumes.map((v) => v.configMap?.name),
            app,
          ).toContain(name);
        }
        return name;
      };
      const before = build();
      appendFileSync(join(work, 'content/help/en/shipping-times.md'), '\nA new sentence.\n');
      expect(build()).not.toBe(before);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('the generator refuses a folder too big for a ConfigMap, naming content:import', () => {
    const work = mkdtempSync(join(tmpdir(), 'store-content-'));
    try {
      cpSync(join(ROOT, OTHER), work, { recursive: true });
      const row = 'A Long Book,An Author,Travel,10.00,"' + 'x'.repeat(1000) + '",4.0,false,,,\n';
      appendFileSync(join(work, 'catalog.csv'), row.repeat(1100));
      let message = '';
      try {
        execFileSync('node', ['scripts/content-kustomize.mjs', work], {
          cwd: ROOT,
          encoding: 'utf8',
          stdio: 'pipe',
        });
      } catch (e) {
        message = String((e as { stderr?: string }).stderr);
      }
      expect(message).toMatch(/content:import/);
      expect(existsSync(join(work, 'kustomization.yaml'))).toBe(true);
      expect(readFileSync(join(work, 'kustomization.yaml'), 'utf8')).toBe(
        readFileSync(join(ROOT, OTHER, 'kustomization.yaml'), 'utf8'),
      );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), {
    merge: true,
  }) as {
    services: Record<string, { environment?: Record<string, string>; volumes?: string[] }>;
  };

  it('mounts the content folder read-only on both apps at their STORE_CONTENT_DIR', () => {
    for (const app of APPS) {
      const service = compose.services[app];
      const dir = service.environment?.STORE_CONTENT_DIR;
      expect(dir, app).toBeDefined();
      const mount = (service.volumes ?? []).find((v) => v.endsWith(`:${dir}:ro`));
      expect(mount, app).toBe(`\${STORE_CONTENT_DIR:-./content}:${dir}:ro`);
    }
  });
});
