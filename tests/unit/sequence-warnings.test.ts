import { describe, expect, it } from 'vitest';
import { sequenceWarnings } from '../../src/core/sequence/folder/sequence-warnings';
import { findTransport } from '../../src/core/sequence/folder/transport-methods';
import { transportInfo } from '../../src/core/sequence/folder/sequence-info';

const transport = (method: string) => {
  const found = findTransport(undefined, method);
  if (found === undefined) throw new Error(`no transport ${method}`);
  return transportInfo(found);
};

describe('sequenceWarnings', () => {
  it('warns that Strava will use the default sport for a transport without one', () => {
    expect(sequenceWarnings({ transport: transport('Car') })).toEqual([
      'The transport "Car" has no Strava sport, so Strava will use your default sport: choose one.',
    ]);
  });

  it('warns the same for a folder that names no transport', () => {
    expect(sequenceWarnings({})).toEqual([
      'The folder names no transport, so Strava will use your default sport: choose one.',
    ]);
  });

  it('says nothing when the transport maps to a sport, or a sport was chosen', () => {
    expect(sequenceWarnings({ transport: transport('Paddleboard') })).toEqual([]);
    expect(sequenceWarnings({ transport: transport('Car') }, { sportType: 'Workout' })).toEqual([]);
  });
});
