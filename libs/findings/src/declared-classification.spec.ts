import { describe, expect, it } from '@jest/globals';
import { type DeclaredDataset, classifyDeclaredSchema } from './declared-classification.js';
import type { DeclaredLink } from './declared-links.js';

const dataset = (key: string, name: string, fields: string[], scanned: string[] = []): DeclaredDataset => ({
  key: `org:${key}`,
  name,
  description: null,
  source: 'org:crm',
  fields: fields.map((field) => {
    const [fieldName, dataType] = field.split(':');
    return {
      key: `org:${key}/${fieldName}`,
      name: fieldName,
      dataType: dataType ?? null,
      description: null,
      department: 'ventes',
      scanned: scanned.includes(fieldName),
    };
  }),
});

describe('classifyDeclaredSchema (declared fields, linkage over declared references and flows)', () => {
  const datasets = [
    dataset('clients', 'clients', ['id:integer', 'nom:text', 'prenom:text', 'email:text', 'pays_id:integer']),
    dataset('commandes', 'commandes', ['id:integer', 'acheteur:integer', 'montant_ttc:numeric', 'date_commande:date']),
    dataset('pays', 'pays', ['id:integer', 'libelle:text']),
    dataset('export', 'export_ventes', ['montant_ttc:numeric', 'date_commande:date']),
  ];
  const links: DeclaredLink[] = [
    {
      kind: 'REFERENCE',
      name: 'fk_acheteur',
      from: 'org:commandes',
      fromFields: ['acheteur'],
      to: 'org:clients',
      toFields: ['id'],
    },
    {
      kind: 'REFERENCE',
      name: 'fk_pays',
      from: 'org:clients',
      fromFields: ['pays_id'],
      to: 'org:pays',
      toFields: ['id'],
    },
    { kind: 'FLOW', name: 'export', from: 'org:commandes', fromFields: [], to: 'org:export', toFields: [] },
    // Ignored: a dataset the organisation does not hold, a column a dataset does not have.
    { kind: 'FLOW', name: 'away', from: 'org:commandes', fromFields: [], to: 'other:x', toFields: [] },
    { kind: 'REFERENCE', name: 'bad', from: 'org:commandes', fromFields: ['nope'], to: 'org:pays', toFields: ['id'] },
  ];

  it('flags linked attributes with their tier, category and path', () => {
    const result = classifyDeclaredSchema(datasets, links);
    const rows = [...result].map(([key, c]) => [
      key.slice(4),
      c.tier,
      c.personal,
      c.category,
      c.linkedCategory,
      c.linkedTo,
    ]);
    const client = ['a row of clients (customers and prospects)'];
    const order = ['linked to clients through commandes.acheteur (declared reference)'];
    const exported = [
      'linked to clients through flow export: commandes → export_ventes → commandes.acheteur (declared reference)',
    ];
    expect(rows).toEqual([
      ['clients/id', 'DIRECT_IDENTIFIER', true, 'INTERNAL_ID', null, client],
      ['clients/nom', 'DIRECT_IDENTIFIER', true, 'IDENTITY', null, client],
      ['clients/prenom', 'DIRECT_IDENTIFIER', true, 'IDENTITY', null, client],
      ['clients/email', 'DIRECT_IDENTIFIER', true, 'CONTACT', null, client],
      ['clients/pays_id', 'LINKED_ATTRIBUTE', true, null, 'LOCATION', client],
      ['commandes/id', 'LINKED_ATTRIBUTE', true, null, 'BEHAVIOUR', order],
      ['commandes/acheteur', 'DIRECT_IDENTIFIER', true, 'INTERNAL_ID', null, order],
      ['commandes/montant_ttc', 'LINKED_ATTRIBUTE', true, null, 'FINANCIAL', order],
      ['commandes/date_commande', 'LINKED_ATTRIBUTE', true, null, 'BEHAVIOUR', order],
      ['pays/id', 'NONE', false, null, null, []],
      ['pays/libelle', 'NONE', false, null, null, []],
      ['export/montant_ttc', 'LINKED_ATTRIBUTE', true, null, 'FINANCIAL', exported],
      ['export/date_commande', 'LINKED_ATTRIBUTE', true, null, 'BEHAVIOUR', exported],
    ]);
  });

  it('without the declared links, nothing outside the table of persons is linked', () => {
    const result = classifyDeclaredSchema(datasets, []);
    const linked = [...result].filter(([, c]) => c.tier === 'LINKED_ATTRIBUTE').map(([key]) => key.slice(4));
    expect(linked).toEqual(['clients/pays_id']);
    expect(result.get('org:commandes/montant_ttc')).toMatchObject({ personal: false, tier: 'NONE', linkedTo: [] });
  });

  it('appends the pass evidence to the per-field evidence and names datasets sharing a name by key', () => {
    const twins = [
      dataset('a.clients', 'clients', ['id:integer', 'nom:text', 'email:text']),
      dataset('b.clients', 'clients', ['id:integer', 'nom:text', 'email:text']),
    ];
    const result = classifyDeclaredSchema(twins, []);
    expect(result.get('org:a.clients/id')?.linkedTo).toEqual(['a row of org:a.clients (customers and prospects)']);
    expect(result.get('org:b.clients/id')?.linkedTo).toEqual(['a row of org:b.clients (customers and prospects)']);
    const evidence = classifyDeclaredSchema(datasets, links).get('org:commandes/montant_ttc')!.evidence;
    expect(evidence.slice(-1)).toEqual([
      {
        rule: 'linked.financial.amount',
        explanation:
          'In a row linked to clients through commandes.acheteur (declared reference): amounts the person paid, owes, earns or is charged.',
      },
    ]);
    // The per-field evidence comes first.
    expect((evidence[0] as { detector: string }).detector).toBe('column-name');
  });
});
