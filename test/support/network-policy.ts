/**
 * Enough of the NetworkPolicy semantics to ask "is this connection admitted?" of rendered
 * policies: a pod is isolated in a direction once any policy of that type selects it, and then
 * a connection is admitted only if some selecting policy has a rule matching the peer and port.
 */
type Labels = Record<string, string>;

export interface Selector {
  matchLabels?: Labels;
  matchExpressions?: Array<{ key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }>;
}

/** A pod in the cluster (its namespace's labels included), or an address outside it. */
export interface PodEndpoint {
  pod: Labels;
  namespace: string;
  namespaceLabels: Labels;
}
export type Endpoint = PodEndpoint | { ip: string };

export function selects(selector: Selector | undefined, labels: Labels): boolean {
  if (!selector) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = e.key in labels;
    if (e.operator === 'In' && !(has && e.values!.includes(labels[e.key]!))) return false;
    if (e.operator === 'NotIn' && has && e.values!.includes(labels[e.key]!)) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

function ipInCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const toInt = (a: string) => a.split('.').reduce((n, o) => (n << 8) + Number(o), 0) >>> 0;
  const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0;
  return (toInt(ip) & mask) === (toInt(base!) & mask);
}

function peerMatches(peer: any, endpoint: Endpoint, policyNamespace: string): boolean {
  if ('ip' in endpoint) {
    if (!peer.ipBlock) return false;
    return ipInCidr(endpoint.ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((c: string) => ipInCidr(endpoint.ip, c));
  }
  if (peer.ipBlock) return false;
  const namespaceOk = peer.namespaceSelector
    ? selects(peer.namespaceSelector, endpoint.namespaceLabels)
    : endpoint.namespace === policyNamespace;
  return namespaceOk && selects(peer.podSelector, endpoint.pod);
}

function portMatches(rulePorts: any[] | undefined, port: { number: number; name?: string }): boolean {
  if (!rulePorts || rulePorts.length === 0) return true;
  return rulePorts.some(
    (p) =>
      (p.protocol ?? 'TCP') === 'TCP' &&
      (p.port === undefined || p.port === port.number || (port.name !== undefined && p.port === port.name)),
  );
}

function admitted(
  policies: any[],
  direction: 'Ingress' | 'Egress',
  subject: PodEndpoint,
  other: Endpoint,
  port: { number: number; name?: string },
): boolean {
  const applying = policies.filter(
    (p) =>
      p.metadata.namespace === subject.namespace &&
      selects(p.spec.podSelector, subject.pod) &&
      (p.spec.policyTypes ?? ['Ingress']).includes(direction),
  );
  if (applying.length === 0) return true;
  return applying.some((p) =>
    ((direction === 'Ingress' ? p.spec.ingress : p.spec.egress) ?? []).some((rule: any) => {
      const peers = direction === 'Ingress' ? rule.from : rule.to;
      const peerOk = !peers || peers.length === 0 || peers.some((peer: any) => peerMatches(peer, other, p.metadata.namespace));
      return peerOk && portMatches(rule.ports, port);
    }),
  );
}

/** Whether `from` may open a TCP connection to `to` on `port` (its number, and its name on the target pod). */
export function connectionAdmitted(policies: any[], from: Endpoint, to: Endpoint, port: { number: number; name?: string }): boolean {
  const egressOk = 'pod' in from ? admitted(policies, 'Egress', from, to, port) : true;
  const ingressOk = 'pod' in to ? admitted(policies, 'Ingress', to, from, port) : true;
  return egressOk && ingressOk;
}
