import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * No Docker engine runs here, so the container files are checked for structure: the
 * Dockerfile's stages, user, port and health check, the compose services and their wiring,
 * and that scripts/docker-build-stages.sh runs the Dockerfile's build commands.
 */

const dockerfile = readFileSync('Dockerfile', 'utf8');
const stagesScript = readFileSync('scripts/docker-build-stages.sh', 'utf8');

interface Service {
  build?: { context: string; target: string };
  image?: string;
  ports?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  restart?: string;
  healthcheck?: { test: string[]; interval: string; timeout: string; retries: number };
  deploy?: { resources: { limits: { cpus: string; memory: string } } };
  volumes?: string[];
}
const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as {
  services: Record<string, Service>;
};

/** The Dockerfile's stages: name → its instructions (continuation lines joined). */
function stages(): Map<string, string[]> {
  const result = new Map<string, string[]>();
  let current: string[] = [];
  const lines = dockerfile.replace(/\\\n\s*/g, ' ').split('\n');
  for (const line of lines.filter((l) => l.trim() && !l.startsWith('#'))) {
    const from = /^FROM\s+(\S+)\s+AS\s+(\S+)/i.exec(line);
    if (from) result.set(from[2], (current = [line]));
    else current.push(line);
  }
  return result;
}

describe('Dockerfile', () => {
  const byName = stages();

  it('builds wasm, app and telemetry stages and ends with the web image', () => {
    expect([...byName.keys()]).toEqual(['wasm', 'app', 'telemetry', 'web']);
  });

  it('pins every base image to an exact version', () => {
    for (const [name, [from]] of byName) {
      const image = from.split(/\s+/)[1];
      expect(image, name).toMatch(/:\d+(\.\d+)+[\w.-]*(@sha256:[0-9a-f]{64})?$/);
    }
  });

  it('runs the web image as non-root on 8080 with a health check on /health', () => {
    const web = byName.get('web')!;
    expect(web).toContain('USER 101');
    expect(web).toContain('EXPOSE 8080');
    expect(web.find((l) => l.startsWith('HEALTHCHECK'))).toContain('http://127.0.0.1:8080/health');
    expect(web.some((l) => l.includes('nginx -t'))).toBe(true);
    expect(byName.get('telemetry')).toContain('USER node');
  });

  it('runs the same build commands as scripts/docker-build-stages.sh', () => {
    for (const stage of ['wasm', 'app']) {
      const commands = byName
        .get(stage)!
        .filter((line) => line.startsWith('RUN ') && !line.includes('apt-get'))
        .map((line) => line.slice(4).trim());
      expect(commands.length, stage).toBeGreaterThan(0);
      for (const command of commands) expect(stagesScript, command).toContain(command);
    }
  });
});

describe('docker-compose.yml', () => {
  const { services } = compose;

  it('wires web, telemetry, Prometheus and Grafana on the runbook ports', () => {
    expect(Object.keys(services).sort()).toEqual(['grafana', 'prometheus', 'telemetry', 'web']);
    expect(services.web.ports).toEqual(['8080:8080']);
    expect(services.telemetry.ports).toEqual(['127.0.0.1:8000:8000']);
    expect(services.prometheus.ports).toEqual(['9090:9090']);
    expect(services.grafana.ports).toEqual(['3000:3000']);
  });

  it('points nginx at the telemetry service and configures the endpoint', () => {
    expect(services.web.build).toEqual({ context: '.', target: 'web' });
    expect(services.telemetry.build).toEqual({ context: '.', target: 'telemetry' });
    expect(services.web.environment?.TELEMETRY_UPSTREAMS).toBe('telemetry:8000');
    expect(services.telemetry.environment?.PORT).toBe('8000');
    expect(services.telemetry.environment?.TRUST_PROXY).toBe('1');
    expect(services.telemetry.environment?.ALLOWED_ORIGINS).toBeTruthy();
    expect(services.prometheus.volumes).toContain('./monitoring:/etc/prometheus:ro');
    expect(services.grafana.volumes?.some((v) => v.includes('/etc/grafana/provisioning'))).toBe(
      true,
    );
  });

  it('gives every service a health check, a restart policy and resource limits', () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.healthcheck?.test[0], name).toBe('CMD');
      expect(service.healthcheck?.retries, name).toBeGreaterThan(0);
      expect(service.restart, name).toBe('unless-stopped');
      expect(service.deploy?.resources.limits.memory, name).toMatch(/^\d+M$/);
      expect(Number(service.deploy?.resources.limits.cpus), name).toBeGreaterThan(0);
    }
    expect(services.web.healthcheck?.test).toContain('http://127.0.0.1:8080/health');
    expect(services.telemetry.healthcheck?.test.join(' ')).toContain('127.0.0.1:8000/health');
  });

  it('starts each service after the ones it needs are healthy', () => {
    expect(services.web.depends_on?.telemetry.condition).toBe('service_healthy');
    expect(services.prometheus.depends_on?.telemetry.condition).toBe('service_healthy');
    expect(services.grafana.depends_on?.prometheus.condition).toBe('service_healthy');
  });
});
