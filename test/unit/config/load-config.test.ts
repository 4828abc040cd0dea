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
});
