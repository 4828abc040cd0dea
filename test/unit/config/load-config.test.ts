import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/load-config.ts';

describe('loadConfig', () => {
  it('has sensible defaults: the embedded Neo4j, demo data, loopback on 4000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, host: '127.0.0.1', seedDemo: true, dataDir: './.data' });
    expect(config.neo4j.uri).toBeUndefined();
  });

  it('names the variable and the problem', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(
      new ConfigError('invalid configuration: PORT="abc": must be a port number'),
    );
    expect(() => loadConfig({ SEED_DEMO: 'maybe' })).toThrow(/SEED_DEMO="maybe": must be true or false/);
    expect(() => loadConfig({ NEO4J_URI: 'http://x' })).toThrow(
      /NEO4J_URI="http:\/\/x": must be a bolt:\/\/ or neo4j:\/\/ URI/,
    );
    expect(() => loadConfig({ NEO4J_URI: 'neo4j://db:7687' })).toThrow(/NEO4J_PASSWORD must be set/);
  });

  it('reads SEED_DEMO=false as starting empty', () => {
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('requires AUTH_JWT_SECRET in production and reads the auth settings', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /AUTH_JWT_SECRET must be set when NODE_ENV=production/,
    );
    const config = loadConfig({ AUTH_JWKS_URL: 'https://idp.example/jwks.json', AUTH_ISSUER: 'idp' });
    expect(config.auth).toMatchObject({
      jwksUrl: 'https://idp.example/jwks.json',
      issuer: 'idp',
      jwtSecret: undefined,
    });
    expect(config.rateLimit).toEqual({ perSecond: 50, burst: 200 });
  });

  it('reads the share of a kept evidence graph past which detection reads in full', () => {
    expect(loadConfig({}).detectionFullReadShare).toBe(0.2);
    expect(loadConfig({ DETECTION_FULL_READ_SHARE: '0.05' }).detectionFullReadShare).toBe(0.05);
    expect(() => loadConfig({ DETECTION_FULL_READ_SHARE: '2' })).toThrow(
      /DETECTION_FULL_READ_SHARE="2": must be between 0 and 1/,
    );
  });

  it('reads the settings of several instances: a fixed Bolt port and the detection lease', () => {
    expect(loadConfig({}).neo4j.boltPort).toBe(0);
    expect(loadConfig({}).detectionLeaseMs).toBe(30_000);
    const config = loadConfig({ NEO4J_BOLT_PORT: '7687', DETECTION_LEASE_SECONDS: '10' });
    expect(config.neo4j.boltPort).toBe(7687);
    expect(config.detectionLeaseMs).toBe(10_000);
    expect(() => loadConfig({ NEO4J_BOLT_PORT: '70000' })).toThrow(/NEO4J_BOLT_PORT="70000": must be between/);
    expect(() => loadConfig({ DETECTION_LEASE_SECONDS: '1' })).toThrow(
      /DETECTION_LEASE_SECONDS="1": must be at least 3/,
    );
  });

  it('keeps CORS off unless CORS_ORIGINS names exact origins', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://explorer.agency.example, http://localhost:5173/' }).corsOrigins).toEqual(
      ['https://explorer.agency.example', 'http://localhost:5173'],
    );
    for (const bad of [
      '*',
      'https://*.agency.example',
      'https://explorer.agency.example/app',
      'explorer.agency.example',
      'ftp://x.example',
    ]) {
      expect(() => loadConfig({ CORS_ORIGINS: bad }), bad).toThrow(/CORS_ORIGINS=.*is not an origin/);
    }
  });

  it('reads the token lifetime, the clock leeway and the work limits, with their defaults', () => {
    const defaults = loadConfig({});
    expect(defaults.auth).toMatchObject({ maxTokenLifetimeSeconds: 86_400, clockLeewaySeconds: 5 });
    expect(defaults.work).toEqual({ perRequest: 125_000, perCallerPerSecond: 250_000, perCallerBurst: 500_000 });
    const set = loadConfig({
      AUTH_MAX_TOKEN_LIFETIME_SECONDS: '3600',
      AUTH_CLOCK_LEEWAY_SECONDS: '0',
      WORK_BUDGET_PER_REQUEST: '1000',
    });
    expect(set.auth).toMatchObject({ maxTokenLifetimeSeconds: 3600, clockLeewaySeconds: 0 });
    expect(set.work.perRequest).toBe(1000);
    expect(() => loadConfig({ AUTH_CLOCK_LEEWAY_SECONDS: '3600' })).toThrow(
      /AUTH_CLOCK_LEEWAY_SECONDS="3600": must be at most 300/,
    );
    expect(() => loadConfig({ AUTH_MAX_TOKEN_LIFETIME_SECONDS: '0' })).toThrow(/AUTH_MAX_TOKEN_LIFETIME_SECONDS/);
    expect(() => loadConfig({ WORK_BUDGET_PER_REQUEST: 'lots' })).toThrow(
      /WORK_BUDGET_PER_REQUEST="lots": must be a number/,
    );
  });
});

describe('SOURCE_AGENCIES', () => {
  it('is empty by default: every source belongs to the agency of its own name', () => {
    expect(loadConfig({}).sourceAgencies.size).toBe(0);
  });

  it('reads source:agency pairs separated by commas', () => {
    const config = loadConfig({ SOURCE_AGENCIES: 'police-hcm:police, telecom-vn : telecom,' });
    expect([...config.sourceAgencies]).toEqual([
      ['police-hcm', 'police'],
      ['telecom-vn', 'telecom'],
    ]);
  });

  it.each([
    ['police-hcm', /SOURCE_AGENCIES="police-hcm": "police-hcm" is not source:agency/],
    ['police-hcm:police:x', /"police-hcm:police:x" is not source:agency/],
    ['police hcm:police', /"police hcm:police" is not source:agency/],
    [':police', /":police" is not source:agency/],
    [`${'s'.repeat(101)}:police`, /is not source:agency/],
    ['police-hcm:police,police-hcm:border-guard', /source police-hcm is mapped twice/],
  ])('refuses %s with one line naming the variable', (value, message) => {
    expect(() => loadConfig({ SOURCE_AGENCIES: value })).toThrow(ConfigError);
    expect(() => loadConfig({ SOURCE_AGENCIES: value })).toThrow(message);
  });
});
