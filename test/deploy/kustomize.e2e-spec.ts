import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import type { ILabelSelector } from '@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector';
import { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import { DestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1beta1/DestinationRule';
import { Gateway } from '@kubernetes-models/istio/networking.istio.io/v1beta1/Gateway';
import { VirtualService } from '@kubernetes-models/istio/networking.istio.io/v1beta1/VirtualService';
import { PeerAuthentication } from '@kubernetes-models/istio/security.istio.io/v1beta1/PeerAuthentication';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import {
  NetworkPolicy,
  type INetworkPolicy,
} from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service, type IService } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';

// What a cluster operator gets from each overlay: every object valid against its schema (core
// Kubernetes, Istio, Prometheus Operator, Argo CD), and the policies the manifests promise.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NAMESPACE = 'bookstore';
const PRODUCTION = ['ollama', 'vcf-private-ai'];
const OVERLAYS = ['local', ...PRODUCTION];
const APPS = { gateway: 8080, chatbot: 5000 } as const;
// Secrets live outside Git; the README (Deploy) shows how to create each of these.
const DOCUMENTED_SECRETS = [
  'chatbot-secrets',
  'gateway-secrets',
  'postgres-credentials',
  'harbor-registry-secret',
  'internal-api-token',
];

type ModelClass = new (data?: never) => { validate(): void };
const MODELS: Record<string, ModelClass> = {
  'v1/Namespace': Namespace,
  'v1/ServiceAccount': ServiceAccount,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'batch/v1/Job': Job,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'networking.istio.io/v1beta1/VirtualService': VirtualService,
  'networking.istio.io/v1beta1/DestinationRule': DestinationRule,
  'networking.istio.io/v1beta1/Gateway': Gateway,
  'security.istio.io/v1beta1/PeerAuthentication': PeerAuthentication,
  'monitoring.coreos.com/v1/ServiceMonitor': ServiceMonitor,
  'monitoring.coreos.com/v1/PrometheusRule': PrometheusRule,
  'argoproj.io/v1alpha1/Application': Application,
};

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}

interface Workload {
  kind: string;
  name: string;
  labels: Record<string, string>;
  pod: IPodSpec;
}

function kustomize(dir: string): K8sObject[] {
  const out = execFileSync(kubectl(), ['kustomize', join(ROOT, dir)], {
    encoding: 'utf8',
    timeout: 15_000,
  });
  const objects = parseAllDocuments(out)
    .map((doc) => doc.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
  // Kustomize wraps long base64 values; the API server's decoder skips the newlines, the schema not.
  for (const o of objects) {
    if (o.kind !== 'Secret') continue;
    for (const [k, v] of Object.entries(o.data ?? {})) o.data![k] = v.replace(/\s+/g, '');
  }
  return objects;
}

let kubectlPath: string | undefined;
function kubectl(): string {
  kubectlPath ??= ['/usr/bin/kubectl', '/usr/local/bin/kubectl']
    .concat((process.env.PATH ?? '').split(':').map((d) => join(d, 'kubectl')))
    .find((p) => existsSync(p));
  if (!kubectlPath) throw new Error('kubectl (with built-in Kustomize v5) is needed on PATH');
  return kubectlPath;
}

function workloads(objects: K8sObject[]): Workload[] {
  return objects
    .filter((o) => ['Deployment', 'StatefulSet', 'Job'].includes(o.kind))
    .map((o) => {
      const template = (
        o.spec as { template: { metadata?: K8sObject['metadata']; spec: IPodSpec } }
      ).template;
      return {
        kind: o.kind,
        name: o.metadata.name,
        labels: template.metadata?.labels ?? {},
        pod: template.spec,
      };
    });
}

function containers(pod: IPodSpec): IContainer[] {
  return [...(pod.initContainers ?? []), ...pod.containers];
}

function matches(selector: ILabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return true;
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpression = (selector.matchExpressions ?? []).every((e) => {
    const value = labels[e.key];
    switch (e.operator) {
      case 'In':
        return value !== undefined && (e.values ?? []).includes(value);
      case 'NotIn':
        return value === undefined || !(e.values ?? []).includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
      default:
        throw new Error(`unknown selector operator ${e.operator}`);
    }
  });
  return byLabel && byExpression;
}

function portOf(container: IContainer, port: number | string | undefined): number | undefined {
  return (container.ports ?? []).find((p) => p.containerPort === port || p.name === port)
    ?.containerPort;
}

function probes(c: IContainer): Array<[string, IProbe]> {
  return (
    [
      ['startup', c.startupProbe],
      ['liveness', c.livenessProbe],
      ['readiness', c.readinessProbe],
    ] as Array<[string, IProbe | undefined]>
  ).filter((p): p is [string, IProbe] => p[1] !== undefined);
}

function configMap(objects: K8sObject[], name: string): Record<string, string> {
  const found = objects.find(
    (o) =>
      o.kind === 'ConfigMap' &&
      (o.metadata.name === name || o.metadata.name.startsWith(`${name}-`)),
  );
  if (!found) throw new Error(`no ConfigMap ${name}`);
  return found.data ?? {};
}

function services(objects: K8sObject[]): Array<K8sObject & IService> {
  return objects.filter((o) => o.kind === 'Service') as Array<K8sObject & IService>;
}

// Can a pod with these labels, in a namespace with these labels, open this port on the target pod?
function ingressAllowed(
  policies: INetworkPolicy[],
  target: Record<string, string>,
  from: { pod: Record<string, string>; namespace: Record<string, string> },
  port: number,
): boolean {
  const applying = policies.filter(
    (p) =>
      matches(p.spec?.podSelector, target) &&
      (p.spec?.policyTypes ?? ['Ingress']).includes('Ingress'),
  );
  if (applying.length === 0) return true;
  const sameNamespace = from.namespace['kubernetes.io/metadata.name'] === NAMESPACE;
  return applying.some((p) =>
    (p.spec?.ingress ?? []).some((rule) => {
      const portOk = !rule.ports || rule.ports.some((r) => r.port === undefined || r.port === port);
      const peerOk =
        !rule.from ||
        rule.from.some((peer) => {
          if (peer.ipBlock) return false;
          const nsOk = peer.namespaceSelector
            ? matches(peer.namespaceSelector, from.namespace)
            : sameNamespace;
          return nsOk && matches(peer.podSelector, from.pod);
        });
      return portOk && peerOk;
    }),
  );
}

const builds = new Map<string, K8sObject[]>(
  OVERLAYS.map((o) => [o, kustomize(`deploy/overlays/${o}`)]),
);

describe.each(OVERLAYS)('deploy/overlays/%s', (overlay) => {
  const objects = builds.get(overlay)!;
  const production = PRODUCTION.includes(overlay);
  const pods = workloads(objects);
  const byName = (kind: string, name: string) =>
    objects.find((o) => o.kind === kind && o.metadata.name === name);

  it('holds only valid objects of known kinds, all in the bookstore namespace', () => {
    expect(objects.length).toBeGreaterThan(10);
    for (const o of objects) {
      const Model = MODELS[`${o.apiVersion}/${o.kind}`];
      expect(Model, `unknown kind ${o.apiVersion} ${o.kind} (${o.metadata.name})`).toBeDefined();
      expect(() => new Model(o as never).validate(), `${o.kind}/${o.metadata.name}`).not.toThrow();
      if (o.kind !== 'Namespace') expect(o.metadata.namespace, o.metadata.name).toBe(NAMESPACE);
    }
    expect(byName('Namespace', NAMESPACE)).toBeDefined();
  });

  it('labels every object as part of the product, and every pod with the recommended labels', () => {
    for (const o of objects) {
      expect(o.metadata.labels?.['app.kubernetes.io/part-of'], `${o.kind}/${o.metadata.name}`).toBe(
        'bookstore-support-chat',
      );
    }
    for (const w of pods) {
      expect(w.labels, w.name).toMatchObject({
        'app.kubernetes.io/name': expect.any(String),
        'app.kubernetes.io/component': expect.any(String),
        'app.kubernetes.io/part-of': 'bookstore-support-chat',
      });
    }
  });

  it('runs both apps behind Services named as the other app and the docs expect', () => {
    for (const [app, port] of Object.entries(APPS)) {
      const w = pods.find((p) => p.name === app)!;
      expect(w, app).toBeDefined();
      const svc = services(objects).find((s) => s.metadata.name === `${app}-service`)!;
      expect(svc, `${app}-service`).toBeDefined();
      expect(svc.spec?.ports?.map((p) => p.port)).toContain(port);
      expect(matches({ matchLabels: svc.spec?.selector }, w.labels)).toBe(true);
    }
  });

  it('gives every container requests, limits and a non-root, locked-down security context', () => {
    for (const w of pods) {
      const podSc = w.pod.securityContext ?? {};
      for (const c of containers(w.pod)) {
        const where = `${w.name}/${c.name}`;
        const sc = c.securityContext ?? {};
        for (const kind of ['requests', 'limits'] as const) {
          expect(c.resources?.[kind]?.cpu, `${where} ${kind}.cpu`).toBeDefined();
          expect(c.resources?.[kind]?.memory, `${where} ${kind}.memory`).toBeDefined();
        }
        const nonRoot =
          sc.runAsNonRoot === true ||
          (sc.runAsUser ?? 0) > 0 ||
          podSc.runAsNonRoot === true ||
          (podSc.runAsUser ?? 0) > 0;
        expect(nonRoot, `${where} runs as non-root`).toBe(true);
        expect(sc.runAsUser ?? podSc.runAsUser, `${where} runAsUser`).not.toBe(0);
        expect(sc.allowPrivilegeEscalation, `${where} allowPrivilegeEscalation`).toBe(false);
        expect(sc.capabilities?.drop, `${where} drops capabilities`).toContain('ALL');
        expect(sc.privileged ?? false, where).toBe(false);
        expect((sc.seccompProfile ?? podSc.seccompProfile)?.type, where).toBe('RuntimeDefault');
      }
    }
  });

  it('probes real routes on declared ports, and never pulls with a racing postStart hook', () => {
    for (const w of pods) {
      for (const c of w.pod.containers) {
        const where = `${w.name}/${c.name}`;
        expect(c.livenessProbe, `${where} liveness`).toBeDefined();
        expect(c.readinessProbe, `${where} readiness`).toBeDefined();
        expect(c.lifecycle?.postStart, `${where} postStart`).toBeUndefined();
        for (const [kind, probe] of probes(c)) {
          const port = probe.httpGet?.port ?? probe.tcpSocket?.port ?? probe.grpc?.port;
          if (port !== undefined)
            expect(portOf(c, port), `${where} ${kind} port ${port}`).toBeDefined();
          else expect(probe.exec?.command?.length, `${where} ${kind}`).toBeGreaterThan(0);
        }
      }
    }
    for (const app of Object.keys(APPS)) {
      const c = pods.find((p) => p.name === app)!.pod.containers[0];
      expect(c.startupProbe?.httpGet?.path, app).toBe('/health');
      expect(c.livenessProbe?.httpGet?.path, app).toBe('/health');
      expect(c.readinessProbe?.httpGet?.path, app).toBe('/health/ready');
      expect(portOf(c, c.livenessProbe?.httpGet?.port), app).toBe(APPS[app as keyof typeof APPS]);
    }
  });

  it('shuts the apps down gracefully, read-only, without API tokens', () => {
    for (const app of Object.keys(APPS)) {
      const { pod } = pods.find((p) => p.name === app)!;
      const c = pod.containers[0];
      expect(c.lifecycle?.preStop?.exec?.command, app).toEqual(['sleep', '5']);
      const grace = Number(c.env?.find((e) => e.name === 'SHUTDOWN_GRACE_MS')?.value);
      expect(grace, app).toBe(10_000);
      // preStop, then the app's own drain, must end before the kubelet's SIGKILL.
      expect(pod.terminationGracePeriodSeconds, app).toBe(30);
      expect(5 + grace / 1000, app).toBeLessThan(pod.terminationGracePeriodSeconds!);
      expect(pod.automountServiceAccountToken, app).toBe(false);
      expect(c.securityContext?.readOnlyRootFilesystem, app).toBe(true);
      const tmp = c.volumeMounts?.find((m) => m.mountPath === '/tmp');
      expect(pod.volumes?.find((v) => v.name === tmp?.name)?.emptyDir, `${app} /tmp`).toBeDefined();
    }
  });

  it('points every Service at pods of some workload, on a port they declare', () => {
    for (const svc of services(objects)) {
      const target = pods.find((w) => matches({ matchLabels: svc.spec?.selector }, w.labels));
      expect(target, `Service ${svc.metadata.name} selects no pods`).toBeDefined();
      for (const p of svc.spec?.ports ?? []) {
        const port = p.targetPort ?? p.port;
        const declared = target!.pod.containers.some((c) => portOf(c, port) !== undefined);
        expect(declared, `${svc.metadata.name} targetPort ${port}`).toBe(true);
      }
    }
  });

  it('names only Services of this build, with their ports, in its URLs', () => {
    const gatewayUrl = new URL(configMap(objects, 'gateway-config').CHAT_SERVICE_URL);
    expect(gatewayUrl.hostname).toBe('chatbot-service');
    expect(gatewayUrl.port).toBe('5000');
    for (const name of ['chatbot-config', 'gateway-config']) {
      for (const [key, value] of Object.entries(configMap(objects, name))) {
        if (!/^[a-z]+:\/\//.test(value)) continue;
        const url = new URL(value);
        if (url.hostname.includes('.')) continue; // outside the cluster, e.g. the VCF endpoint
        const svc = services(objects).find((s) => s.metadata.name === url.hostname);
        expect(svc, `${name} ${key}=${value} names no Service`).toBeDefined();
        expect(
          svc!.spec?.ports?.map((p) => String(p.port)),
          `${key} port`,
        ).toContain(url.port);
      }
    }
  });

  it('keeps secrets out of ConfigMaps and refers only to documented Secrets', () => {
    for (const cm of objects.filter((o) => o.kind === 'ConfigMap')) {
      // The store's content is keyed by file name ("help.en.password-reset.md"), not by setting.
      const settings = !cm.metadata.name.startsWith('store-content-');
      for (const [key, value] of Object.entries(cm.data ?? {})) {
        // `..._TOKENS` is a count of model tokens (LLM_CONTEXT_TOKENS), not a credential.
        if (settings && /TOKEN|KEY|SECRET|PASSWORD/i.test(key) && !/_TOKENS$/.test(key))
          expect(value, `${cm.metadata.name} ${key}`).toBe('');
        expect(value, `${cm.metadata.name} ${key}: credentials in a URL`).not.toMatch(
          /[a-z]+:\/\/[^/\s@"]+@/i,
        );
      }
    }
    const referenced = new Set<string>();
    for (const w of pods) {
      for (const c of containers(w.pod)) {
        for (const e of c.env ?? []) {
          const ref = e.valueFrom?.secretKeyRef;
          if (ref) referenced.add(ref.name!.replace(/-[a-z0-9]{10}$/, ''));
        }
        for (const e of c.envFrom ?? []) if (e.secretRef) referenced.add(e.secretRef.name!);
      }
      for (const s of w.pod.imagePullSecrets ?? []) referenced.add(s.name!);
    }
    for (const name of referenced) expect(DOCUMENTED_SECRETS, name).toContain(name);
    if (production) expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
  });

  it('gives the app secrets by reference only, and optional', () => {
    const env = (app: string) => pods.find((p) => p.name === app)!.pod.containers[0].env ?? [];
    const expected: Array<[string, string, string, string]> = [
      ['chatbot', 'OPENAI_API_KEY', 'chatbot-secrets', 'openai-api-key'],
      ['chatbot', 'VCF_API_TOKEN', 'chatbot-secrets', 'vcf-api-token'],
      ['gateway', 'DATABASE_URL', 'gateway-secrets', 'database-url'],
      ['gateway', 'SMTP_URL', 'gateway-secrets', 'smtp-url'],
      ['gateway', 'HANDOFF_WEBHOOK_SECRET', 'gateway-secrets', 'handoff-webhook-secret'],
      ['gateway', 'SUPPORT_API_TOKEN', 'gateway-secrets', 'support-api-token'],
    ];
    for (const [app, variable, secret, key] of expected) {
      const ref = env(app).find((e) => e.name === variable)?.valueFrom?.secretKeyRef;
      expect(ref?.name?.replace(/-[a-z0-9]{10}$/, ''), variable).toBe(secret);
      expect(ref?.key, variable).toBe(key);
      expect(ref?.optional, variable).toBe(true);
    }
  });

  it('lets traffic in only where the architecture needs it', () => {
    const policies = objects.filter((o) => o.kind === 'NetworkPolicy') as INetworkPolicy[];
    expect(
      policies.some(
        (p) =>
          Object.keys(p.spec?.podSelector ?? {}).length === 0 &&
          p.spec?.policyTypes?.includes('Ingress') &&
          !p.spec.ingress?.length,
      ),
      'default deny',
    ).toBe(true);
    const ns = { 'kubernetes.io/metadata.name': NAMESPACE };
    const pod = (name: string) => ({ 'app.kubernetes.io/name': name });
    const from = (name: string) => ({ pod: pod(name), namespace: ns });
    const stranger = {
      pod: { app: 'other' },
      namespace: { 'kubernetes.io/metadata.name': 'other' },
    };
    const present = new Set(pods.map((w) => w.labels['app.kubernetes.io/name']));
    const cases: Array<[string, number, string[], string[]]> = [
      ['chatbot', 5000, ['gateway'], ['redis', 'postgres', 'ollama', 'chatbot']],
      ['redis', 6379, ['chatbot', 'gateway'], ['postgres', 'ollama']],
      ['postgres', 5432, ['gateway'], ['chatbot', 'redis', 'ollama']],
      ['ollama', 11434, ['chatbot'], ['gateway', 'redis', 'postgres']],
    ];
    expect(ingressAllowed(policies, pod('gateway'), stranger, 8080), 'gateway from anywhere').toBe(
      true,
    );
    for (const [target, port, allowed, denied] of cases) {
      if (!present.has(target)) continue;
      for (const source of allowed) {
        expect(
          ingressAllowed(policies, pod(target), from(source), port),
          `${source} -> ${target}`,
        ).toBe(true);
      }
      for (const source of denied) {
        expect(
          ingressAllowed(policies, pod(target), from(source), port),
          `${source} -> ${target}`,
        ).toBe(false);
      }
      expect(ingressAllowed(policies, pod(target), stranger, port), `outside -> ${target}`).toBe(
        false,
      );
    }
    if (production) {
      const prometheus = {
        pod: { 'app.kubernetes.io/name': 'prometheus' },
        namespace: { 'kubernetes.io/metadata.name': 'monitoring' },
      };
      expect(ingressAllowed(policies, pod('chatbot'), prometheus, 5000), 'Prometheus scrape').toBe(
        true,
      );
    }
  });

  it('authenticates the apps to each other, and trusts X-Forwarded-For at the edge only', () => {
    for (const app of Object.keys(APPS)) {
      const env = pods.find((p) => p.name === app)!.pod.containers[0].env ?? [];
      const ref = env.find((e) => e.name === 'INTERNAL_API_TOKEN')?.valueFrom?.secretKeyRef;
      expect(ref?.name?.replace(/-[a-z0-9]{10}$/, ''), app).toBe('internal-api-token');
      expect(ref?.key, app).toBe('token');
      // Required: the apps refuse to start in production without it.
      expect(ref?.optional ?? false, app).toBe(false);
    }
    expect(configMap(objects, 'chatbot-config').TRUST_PROXY ?? '').toBe('');
    expect(configMap(objects, 'gateway-config').TRUST_PROXY).toBe('1');
  });

  it('never evicts conversations from Redis under load', () => {
    const redis = pods.find((p) => p.name === 'redis');
    if (!redis) return;
    const args = redis.pod.containers.find((c) => c.name === 'redis')!.args ?? [];
    const policy = args[args.indexOf('--maxmemory-policy') + 1];
    // volatile-* would be safe only while every key expires; noeviction is safe outright.
    expect(policy).toBe('noeviction');
    expect(args).toContain('--maxmemory');
  });

  if (overlay === 'local') {
    it('runs one pod per app from locally built images, without autoscaling', () => {
      for (const app of Object.keys(APPS)) {
        const d = byName('Deployment', app) as K8sObject & { spec: { replicas: number } };
        expect(d.spec.replicas, app).toBe(1);
        const c = pods.find((p) => p.name === app)!.pod.containers[0];
        expect(c.image, app).toBe(`bookstore/${app}:dev`);
        expect(c.imagePullPolicy, app).toBe('IfNotPresent');
      }
      expect(objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')).toEqual([]);
      for (const name of ['redis', 'postgres', 'ollama']) {
        expect(
          pods.map((p) => p.name),
          name,
        ).toContain(name);
      }
    });
  }

  if (production) {
    it('pulls pinned images, the apps from Harbor, with the Harbor pull secret', () => {
      for (const w of pods) {
        for (const c of containers(w.pod)) {
          const image = c.image!;
          const tag = /@sha256:/.test(image) ? 'digest' : /:([^/:]+)$/.exec(image)?.[1];
          expect(tag, `${image} has no tag`).toBeDefined();
          expect(tag, image).not.toBe('latest');
        }
        expect(
          w.pod.imagePullSecrets?.map((s) => s.name),
          `${w.kind}/${w.name}`,
        ).toContain('harbor-registry-secret');
      }
      for (const app of Object.keys(APPS)) {
        expect(pods.find((p) => p.name === app)!.pod.containers[0].image).toMatch(
          new RegExp(`^harbor\\.vcf\\.local/bookstore/${app}:\\d+\\.\\d+\\.\\d+$`),
        );
      }
    });

    it('scales each app between 2 and 6 pods on CPU and keeps one through disruptions', () => {
      for (const app of Object.keys(APPS)) {
        const hpa = objects.find(
          (o) =>
            o.kind === 'HorizontalPodAutoscaler' &&
            (o.spec?.scaleTargetRef as { name: string }).name === app,
        );
        expect(hpa?.spec, app).toMatchObject({
          minReplicas: 2,
          maxReplicas: 6,
          metrics: [
            { type: 'Resource', resource: { name: 'cpu', target: { averageUtilization: 70 } } },
          ],
        });
        const labels = pods.find((p) => p.name === app)!.labels;
        const pdb = objects.find(
          (o) =>
            o.kind === 'PodDisruptionBudget' && matches(o.spec?.selector as ILabelSelector, labels),
        );
        expect(pdb?.spec?.minAvailable, app).toBe(1);
        expect((byName('Deployment', app)?.spec as { replicas: number }).replicas, app).toBe(2);
      }
    });

    it('meshes the namespace with strict mutual TLS and routes both apps', () => {
      expect(byName('Namespace', NAMESPACE)?.metadata.labels?.['istio-injection']).toBe('enabled');
      const peer = objects.find((o) => o.kind === 'PeerAuthentication');
      expect(peer?.spec?.selector).toBeUndefined();
      expect(peer?.spec?.mtls).toEqual({ mode: 'STRICT' });
      const serviceNames = services(objects).map((s) => s.metadata.name);
      for (const host of ['gateway-service', 'chatbot-service']) {
        const dr = objects.find((o) => o.kind === 'DestinationRule' && o.spec?.host === host);
        expect((dr?.spec?.trafficPolicy as { tls?: { mode?: string } })?.tls?.mode, host).toBe(
          'ISTIO_MUTUAL',
        );
        const vs = objects.find(
          (o) => o.kind === 'VirtualService' && (o.spec?.hosts as string[]).includes(host),
        );
        expect(vs, `VirtualService for ${host}`).toBeDefined();
        type Route = { route: Array<{ destination: { host: string; port: { number: number } } }> };
        for (const r of (vs!.spec!.http as Route[]).flatMap((h) => h.route)) {
          expect(serviceNames, r.destination.host).toContain(r.destination.host);
        }
      }
    });

    it('routes only shopper paths from the internet; operations endpoints stay inside', () => {
      type Match = { uri?: { exact?: string; prefix?: string; regex?: string } };
      type Http = { match?: Match[]; route: Array<{ destination: { host: string } }> };
      const publicRoutes = objects
        .filter(
          (o) =>
            o.kind === 'VirtualService' &&
            (o.spec?.gateways as string[] | undefined)?.includes('bookstore'),
        )
        .flatMap((o) => o.spec!.http as Http[]);
      expect(publicRoutes.length).toBeGreaterThan(0);
      const routed = (path: string) =>
        publicRoutes.some(
          (h) =>
            !h.match ||
            h.match.some(
              (m) =>
                (m.uri?.exact !== undefined && m.uri.exact === path) ||
                (m.uri?.prefix !== undefined && path.startsWith(m.uri.prefix)) ||
                (m.uri?.regex !== undefined && new RegExp(`^(?:${m.uri.regex})$`).test(path)),
            ),
        );
      for (const path of [
        '/',
        '/widget.js',
        '/widget.css',
        '/store.js',
        '/store.css',
        '/favicon.svg',
        '/api/chat',
        '/api/chat/stream',
        '/api/chat/history',
        '/api/orders/123456/status',
        '/api/products',
        '/desk',
        '/desk.js',
        '/desk.css',
        '/api/desk/sign-in',
      ]) {
        expect(routed(path), path).toBe(true);
      }
      for (const path of [
        '/metrics',
        '/docs',
        '/docs/',
        '/docs/swagger-ui.css',
        '/docs-json',
        '/health',
        '/health/ready',
      ]) {
        expect(routed(path), path).toBe(false);
      }
      // Inside the mesh the gateway still answers every path (the chatbot, Prometheus).
      const mesh = objects.find(
        (o) =>
          o.kind === 'VirtualService' &&
          (o.spec?.hosts as string[]).includes('gateway-service') &&
          (o.spec?.gateways as string[] | undefined)?.includes('mesh'),
      );
      expect((mesh?.spec?.http as Http[])[0].match).toBeUndefined();
      expect((mesh?.spec?.gateways as string[]).includes('bookstore')).toBe(false);
    });

    it('scrapes Redis memory, alerts before it is full, and shows it last on the dashboard', () => {
      const sm = objects.find((o) => o.kind === 'ServiceMonitor' && o.metadata.name === 'redis');
      const spec = sm?.spec as { selector: ILabelSelector; endpoints: Array<{ port: string }> };
      const svc = services(objects).find((s) => matches(spec.selector, s.metadata.labels ?? {}));
      expect(svc?.spec?.ports?.map((p) => p.name)).toContain(spec.endpoints[0].port);
      const policies = objects.filter((o) => o.kind === 'NetworkPolicy') as INetworkPolicy[];
      const prometheus = {
        pod: { 'app.kubernetes.io/name': 'prometheus' },
        namespace: { 'kubernetes.io/metadata.name': 'monitoring' },
      };
      const redis = { 'app.kubernetes.io/name': 'redis' };
      expect(ingressAllowed(policies, redis, prometheus, 9121), 'scrape').toBe(true);
      expect(ingressAllowed(policies, redis, prometheus, 6379), 'redis itself').toBe(false);
      const rules = objects
        .filter((o) => o.kind === 'PrometheusRule')
        .flatMap((o) => o.spec!.groups as Array<{ rules: Array<{ alert: string; expr: string }> }>)
        .flatMap((g) => g.rules);
      expect(rules.find((r) => r.alert === 'RedisMemoryHigh')?.expr).toMatch(
        /redis_memory_used_bytes\s*\/\s*redis_memory_max_bytes\s*>\s*0\.8/,
      );
      expect(rules.map((r) => r.alert)).toContain('RateLimitsPerProcess');
      // The chatbot's own word that Redis refuses its writes, whatever the exporter says.
      expect(rules.find((r) => r.alert === 'ConversationsNotSaved')?.expr).toMatch(
        /max\(sessions_store_full\)\s*>\s*0/,
      );
      const dashboard = objects.find(
        (o) => o.kind === 'ConfigMap' && o.metadata.labels?.grafana_dashboard === '1',
      );
      const json = JSON.parse(Object.values(dashboard!.data!)[0]) as {
        panels: Array<{ title: string; targets: Array<{ expr: string }> }>;
      };
      const exprs = json.panels.flatMap((p) => p.targets.map((t) => t.expr.replace(/\s+/g, '')));
      expect(exprs).toContain('max(redis_memory_used_bytes/redis_memory_max_bytes)');
      expect(exprs).toContain('max(ratelimit_per_process)');
    });

    it('lets Prometheus scrape /metrics of both apps and ships the dashboard', () => {
      for (const app of Object.keys(APPS)) {
        const sm = objects.find((o) => o.kind === 'ServiceMonitor' && o.metadata.name === app);
        const spec = sm?.spec as {
          selector: ILabelSelector;
          endpoints: Array<{ port: string; path: string }>;
        };
        const svc = services(objects).find((s) => matches(spec.selector, s.metadata.labels ?? {}));
        expect(svc?.metadata.name, app).toBe(`${app}-service`);
        expect(spec.endpoints[0].path).toBe('/metrics');
        expect(svc!.spec?.ports?.map((p) => p.name)).toContain(spec.endpoints[0].port);
      }
      const dashboard = objects.find(
        (o) => o.kind === 'ConfigMap' && o.metadata.labels?.grafana_dashboard === '1',
      );
      const json = JSON.parse(Object.values(dashboard!.data!)[0]) as {
        panels: Array<{ title: string; targets: Array<{ expr: string }> }>;
      };
      const exprs = json.panels.flatMap((p) => p.targets.map((t) => t.expr.replace(/\s+/g, '')));
      for (const expr of [
        'sum(rate(chat_requests_total[1m]))*60',
        'sum(rate(chat_response_seconds_sum[5m]))/sum(rate(chat_response_seconds_count[5m]))',
        'histogram_quantile(0.95, sum by (le) (rate(chat_response_seconds_bucket[5m])))',
        'topk(7, sum by (intent) (increase(chat_requests_total[1h])))',
        'sum by (outcome) (rate(llm_requests_total[5m]))',
        'sum by (direction) (rate(llm_tokens_total[5m]))',
        'llm_circuit_state',
        'sum by (outcome) (rate(gateway_upstream_requests_total{outcome!="ok"}[5m]))',
        'sum by (backend) (increase(llm_cost_usd_total[1h]))',
        'sum by (language) (increase(chat_unanswered_total[1h]))',
        '1 - sum(increase(chat_unresolved_total[24h])) / clamp_min(sum(increase(chat_conversations_total[24h])), 1)',
      ]) {
        const wanted = expr.replace(/\s+/g, '');
        expect(
          exprs.some((e) => e.includes(wanted)),
          expr,
        ).toBe(true);
      }
    });
  }

  if (overlay === 'ollama') {
    it('runs Ollama and pulls the configured model before it serves', () => {
      const config = configMap(objects, 'chatbot-config');
      expect(config).toMatchObject({ LLM_BACKEND: 'ollama', OLLAMA_URL: 'http://ollama:11434' });
      const ollama = pods.find((p) => p.name === 'ollama')!;
      const pull = ollama.pod.initContainers?.find((c) =>
        /ollama pull/.test((c.args ?? []).join(' ')),
      );
      expect(pull, 'init container running ollama pull').toBeDefined();
      const ref = pull!.env?.find((e) => e.name === 'OLLAMA_MODEL')?.valueFrom?.configMapKeyRef;
      const cm = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === ref?.name);
      expect(cm?.data?.[ref!.key], 'model from chatbot-config').toBe(config.OLLAMA_MODEL);
    });

    it('starts Ollama with the context the chatbot fits its prompts to', () => {
      const config = configMap(objects, 'chatbot-config');
      expect(Number(config.LLM_CONTEXT_TOKENS)).toBeGreaterThanOrEqual(2_048);
      const server = pods.find((p) => p.name === 'ollama')!.pod.containers[0];
      const ref = server.env?.find((e) => e.name === 'OLLAMA_CONTEXT_LENGTH')?.valueFrom
        ?.configMapKeyRef;
      const cm = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === ref?.name);
      expect(cm?.data?.[ref!.key]).toBe(config.LLM_CONTEXT_TOKENS);
    });
  }

  if (overlay === 'vcf-private-ai') {
    it('talks to VCF Private AI as the chatbot, with no Ollama left', () => {
      const config = configMap(objects, 'chatbot-config');
      expect(config.LLM_BACKEND).toBe('vcf_private_ai');
      expect(config.VCF_MODEL_NAME).toBe('llama-3.1-8b');
      expect(new URL(config.VCF_MODEL_ENDPOINT).protocol).toBe('https:');
      expect(Object.keys(config).filter((k) => k.startsWith('OLLAMA_'))).toEqual([]);
      const mentionsOllama = objects.filter((o) =>
        /ollama/i.test(
          JSON.stringify({ name: o.metadata.name, labels: o.metadata.labels, spec: o.spec }),
        ),
      );
      expect(mentionsOllama.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([]);
      const { pod } = pods.find((p) => p.name === 'chatbot')!;
      const env = pod.containers[0].env ?? [];
      expect(env.find((e) => e.name === 'VCF_NAMESPACE')?.valueFrom?.fieldRef?.fieldPath).toBe(
        'metadata.namespace',
      );
      const token = pod.volumes?.find((v) =>
        v.projected?.sources?.some((s) => s.serviceAccountToken !== undefined),
      );
      expect(token, 'projected service-account token').toBeDefined();
      expect(pod.containers[0].volumeMounts?.map((m) => m.name)).toContain(token!.name);
    });
  }
});

describe('deploy/argocd', () => {
  it('is a valid Argo CD Application that syncs a production overlay', () => {
    const [app, ...rest] = kustomize('deploy/argocd');
    expect(rest).toEqual([]);
    expect(`${app.apiVersion}/${app.kind}`).toBe('argoproj.io/v1alpha1/Application');
    expect(() => new Application(app as never).validate()).not.toThrow();
    const spec = app.spec as {
      source: { path: string };
      destination: { namespace: string };
      syncPolicy: { automated: { prune: boolean; selfHeal: boolean }; syncOptions: string[] };
    };
    expect(PRODUCTION.map((o) => `deploy/overlays/${o}`)).toContain(spec.source.path);
    expect(existsSync(join(ROOT, spec.source.path, 'kustomization.yaml'))).toBe(true);
    expect(spec.destination.namespace).toBe(NAMESPACE);
    expect(spec.syncPolicy.automated).toMatchObject({ prune: true, selfHeal: true });
    expect(spec.syncPolicy.syncOptions).toContain('CreateNamespace=true');
  });
});

describe('docker-compose.yml', () => {
  type ComposeService = {
    image?: string;
    build?: { context: string; dockerfile: string };
    environment?: Record<string, string>;
    healthcheck?: { test: string[] };
  };
  const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), {
    merge: true,
  }) as {
    services: Record<string, ComposeService>;
  };

  it('builds both apps from their Dockerfiles and wires them by service name', () => {
    for (const app of Object.keys(APPS)) {
      const build = compose.services[app].build!;
      expect(existsSync(join(ROOT, build.context, build.dockerfile)), app).toBe(true);
    }
    const chatUrl = new URL(compose.services.gateway.environment!.CHAT_SERVICE_URL);
    expect(compose.services[chatUrl.hostname], chatUrl.hostname).toBeDefined();
    expect(chatUrl.port).toBe('5000');
    const apiUrl = new URL(compose.services.chatbot.environment!.BOOKSTORE_API_URL);
    expect(apiUrl.hostname).toBe('gateway');
  });

  it('runs both apps with the heap cap of the manifests, as their images do', () => {
    const manifest = readFileSync(join(ROOT, 'deploy/base/kustomization.yaml'), 'utf8');
    const deployed = [...manifest.matchAll(/^\s*- NODE_OPTIONS=(.+)$/gm)].map((m) => m[1]);
    expect(deployed).toHaveLength(2);
    expect(new Set(deployed).size).toBe(1);
    expect(deployed[0]).toMatch(/--max-old-space-size=\d+/);
    for (const app of Object.keys(APPS)) {
      expect(compose.services[app].environment!.NODE_OPTIONS, app).toBe(deployed[0]);
      const dockerfile = readFileSync(join(ROOT, `Dockerfile.${app}`), 'utf8');
      expect(dockerfile, app).toContain(`ENV NODE_OPTIONS=${deployed[0]}`);
    }
  });

  it('health-checks every long-running service and pins every image', () => {
    for (const name of ['gateway', 'chatbot', 'redis', 'postgres', 'ollama']) {
      expect(compose.services[name]?.healthcheck?.test, name).toBeDefined();
    }
    for (const [name, svc] of Object.entries(compose.services)) {
      if (svc.image) expect(svc.image, name).toMatch(/:(?!latest$)[\w.-]+$/);
    }
  });
});
