import { describe, expect, it } from '@jest/globals';
import { capabilitiesOf } from './roles';
import { clearSession, loadSession, saveSession, type Session } from './session';
import { initialLanguage } from '../i18n/language';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const session: Session = {
  token: 'tok',
  expiresAt: '2026-12-03T13:00:00.000Z',
  user: { id: '1', email: 'dpo@x.demo', displayName: 'DPO', role: 'DPO', organisations: ['x'], departments: [] },
};

describe('session storage', () => {
  it('keeps a session until it expires, then forgets it', () => {
    const storage = memoryStorage();
    saveSession(storage, session);
    expect(loadSession(storage, Date.parse('2026-12-03T12:59:59Z'))).toEqual(session);
    expect(loadSession(storage, Date.parse('2026-12-03T13:00:00Z'))).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('forgets a damaged session and clears on logout', () => {
    const storage = memoryStorage();
    storage.setItem('carto.session', '{not json');
    expect(loadSession(storage)).toBeNull();
    expect(storage.items.size).toBe(0);
    saveSession(storage, session);
    clearSession(storage);
    expect(storage.items.size).toBe(0);
  });
});

describe('capabilities', () => {
  it('lets DPOs review; leads scan, see evidence and connections; auditors only read, without either', () => {
    expect(capabilitiesOf('DPO')).toEqual({ review: true, connectionDetails: true, evidence: true, scan: false });
    expect(capabilitiesOf('ADMIN')).toEqual({ review: true, connectionDetails: true, evidence: true, scan: true });
    expect(capabilitiesOf('DATA_LEAD')).toEqual({ review: false, connectionDetails: true, evidence: true, scan: true });
    expect(capabilitiesOf('AUDITOR')).toEqual({
      review: false,
      connectionDetails: false,
      evidence: false,
      scan: false,
    });
    expect(() => capabilitiesOf('JURY' as never)).toThrow("unknown role 'JURY'");
  });
});

describe('language', () => {
  it('is French unless English was chosen', () => {
    expect([initialLanguage(null), initialLanguage('en'), initialLanguage('de'), initialLanguage('fr')]).toEqual([
      'fr',
      'en',
      'fr',
      'fr',
    ]);
  });
});
