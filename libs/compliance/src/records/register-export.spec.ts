import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { cnilRegisterWorkbook, ComplianceRulesError, registerCsv, registerXlsx } from '@cartographer/compliance';
import { clinicFacts } from '../facts/facts.fixture.js';

const AS_OF = '2026-12-03';

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes; throws on anything else. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let i = 0;
  while (i < text.length) {
    let value = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        value += text[i];
        i += 1;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        value += text[i];
        i += 1;
      }
    }
    fields.push(value);
    if (text[i] === ',') {
      i += 1;
      continue;
    }
    if (text[i] !== '\r' || text[i + 1] !== '\n') throw new Error(`expected CRLF at ${i}`);
    i += 2;
    records.push(fields);
    fields = [];
  }
  return records;
}

describe('register export in the CNIL layout', () => {
  it('lays out the header page and one fiche per activity', () => {
    const wb = cnilRegisterWorkbook(clinicFacts(), AS_OF);
    expect(wb.title).toBe('Registre des activités de traitement — Clinique du Parc');
    expect(wb.header.map((r) => [r.item, r.value])).toEqual([
      ['Nom de l’organisme', 'Clinique du Parc'],
      ['Coordonnées du responsable de l’organisme', 'Clinique du Parc'],
      ['Représentant (si l’organisme est établi hors de l’UE)', 'Non renseigné'],
      ['Délégué à la protection des données', 'Claire Martin, dpo@clinique.example'],
      ['Date du registre', '2026-12-03'],
    ]);
    expect(wb.activities.map((a) => [a.sheetName, a.completeness])).toEqual([
      ['1. Annuaire des correspondants', 100],
      ['2. Hébergement pour l’hôpital v', 75],
      ['3. Lettre d’information', 75],
      ['4. Paie', 100],
      ['5. Dossier patient', 100],
      ['6. Vidéoprotection des accès', 87.5],
    ]);
    const paie = wb.sheets.find((s) => s.key === 'paie');
    expect(paie?.rows.map((r) => [r.section, r.item, r.value, r.evidence])).toEqual([
      ['Description du traitement', 'Nom / sigle', 'Paie', 'Déclaré'],
      ['Description du traitement', 'N° / référence', 'paie', 'Déclaré'],
      ['Description du traitement', 'Complétude (art. 30)', '100 % (8/8)', 'Déduit du graphe'],
      ['Acteurs', 'Responsable du traitement', 'Clinique du Parc', 'Déduit du graphe'],
      ['Acteurs', 'Responsables conjoints', 'Aucun', 'Déduit du graphe'],
      ['Acteurs', 'Représentant (si l’organisme est établi hors de l’UE)', 'Non renseigné', ''],
      ['Acteurs', 'Délégué à la protection des données', 'Claire Martin, dpo@clinique.example', ''],
      ['Finalité(s) du traitement effectué', 'Finalité principale', 'Gestion de la paie et du personnel', 'Déclaré'],
      ['Finalité(s) du traitement effectué', 'Sous-finalités', 'Aucune', 'Déclaré'],
      ['Finalité(s) du traitement effectué', 'Bases légales', 'Obligation légale (art. 6.1.c)', 'Déclaré'],
      ['Mesures de sécurité', 'Mesures techniques et organisationnelles', 'Habilitations', 'Déclaré'],
      [
        'Catégories de données personnelles concernées',
        'État civil, identité, données d’identification, images',
        'Identité ; NIR — trouvé par les analyses : identifiant interne',
        'Déclaré',
      ],
      [
        'Catégories de données personnelles concernées',
        'État civil, identité, données d’identification, images — Durée de conservation',
        '5 ans',
        'Déclaré',
      ],
      [
        'Catégories de données personnelles concernées',
        'Informations d’ordre économique et financier (revenus, situation financière, situation fiscale, etc.)',
        'Données bancaires',
        'Déclaré',
      ],
      [
        'Catégories de données personnelles concernées',
        'Informations d’ordre économique et financier (revenus, situation financière, situation fiscale, etc.) — Durée de conservation',
        '5 ans',
        'Déclaré',
      ],
      ['Données sensibles', 'Des données sensibles sont-elles traitées ?', 'Non', 'Analyse des données'],
      ['Catégories de personnes concernées', 'Personnes concernées', 'Salariés', 'Déclaré'],
      ['Destinataires', 'Destinataires internes', 'Service informatique (New York) (États-Unis)', 'Déclaré'],
      ['Destinataires', 'Organismes externes', 'Aucun', 'Déclaré'],
      ['Destinataires', 'Sous-traitants', 'Paie Services SAS (France)', 'Déclaré'],
      [
        'Transferts des données hors UE',
        'Transfert 1',
        'Paie Services SAS (accès à distance) — Maroc — Clauses contractuelles types (2021/914, module 2) — Contrat DPA 2025-04, annexe SCC — statut : couvert',
        'Déduit du graphe',
      ],
    ]);
  });

  it('offers an English Art. 30 view and refuses another language', () => {
    const en = cnilRegisterWorkbook(clinicFacts(), AS_OF, { lang: 'en' });
    expect(en.title).toBe('Record of processing activities (GDPR Art. 30) — Clinique du Parc');
    expect(
      en.sheets
        .find((s) => s.key === 'patients')
        ?.rows.find((r) => r.item === 'Are special categories of data processed?')?.value,
    ).toBe('Yes: Health data');
    expect(() => cnilRegisterWorkbook(clinicFacts(), AS_OF, { lang: 'de' as never })).toThrow(ComplianceRulesError);
  });

  it('writes an RFC 4180 CSV: CRLF, a header line, seven fields on every line, quoted where needed', () => {
    const facts = clinicFacts();
    facts.processingActivities![1]!.purposes = ['=HYPERLINK("http://x.example","clic")', 'Ligne 1\nLigne 2, suite'];
    const csv = registerCsv(cnilRegisterWorkbook(facts, AS_OF));
    const records = parseCsv(csv);
    expect(records[0]).toEqual([
      'Activité',
      'Feuille',
      'Rubrique',
      'Élément',
      'Valeur',
      'Origine',
      'Chemin dans le graphe',
    ]);
    expect(new Set(records.map((r) => r.length))).toEqual(new Set([7]));
    expect(records.filter((r) => r[0] === '').length).toBe(5);
    const purposes = (key: string) =>
      records.filter((r) => r[0] === key && r[2] === 'Finalité(s) du traitement effectué').map((r) => r[4]);
    expect(purposes('paie')).toEqual([
      'Gestion de la paie et du personnel',
      'Aucune',
      'Obligation légale (art. 6.1.c)',
    ]);
    // A formula is neutralised; a comma, quotes and a newline survive quoting.
    expect(purposes('newsletter')).toEqual([
      '\'=HYPERLINK("http://x.example","clic")',
      'Ligne 1\nLigne 2, suite',
      'Consentement (art. 6.1.a)',
    ]);
    expect(csv).toContain('"\'=HYPERLINK(""http://x.example"",""clic"")"');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(registerCsv(cnilRegisterWorkbook(facts, AS_OF))).toBe(csv);
  });

  it('writes an XLSX that a spreadsheet library reads back, cell by cell', async () => {
    const buffer = await registerXlsx(cnilRegisterWorkbook(clinicFacts(), AS_OF));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(buffer).buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Registre',
      '1. Annuaire des correspondants',
      '2. Hébergement pour l’hôpital v',
      '3. Lettre d’information',
      '4. Paie',
      '5. Dossier patient',
      '6. Vidéoprotection des accès',
    ]);
    expect(book.created?.toISOString()).toBe('2026-12-03T00:00:00.000Z');
    const main = book.getWorksheet('Registre');
    expect(main?.getCell('A1').value).toBe('Registre des activités de traitement — Clinique du Parc');
    expect([main?.getCell('A3').value, main?.getCell('B3').value, main?.getCell('C3').value]).toEqual([
      'Rubrique',
      'Élément',
      'Valeur',
    ]);
    expect([main?.getCell('B7').value, main?.getCell('C7').value]).toEqual([
      'Délégué à la protection des données',
      'Claire Martin, dpo@clinique.example',
    ]);
    expect([
      main?.getCell('A15').value,
      main?.getCell('B15').value,
      main?.getCell('C15').value,
      main?.getCell('D15').value,
    ]).toEqual([4, 'Paie', 100, '4. Paie']);
    const patients = book.getWorksheet('5. Dossier patient');
    const rows: unknown[][] = [];
    patients?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['Rubrique', 'Élément', 'Valeur', 'Origine', 'Chemin dans le graphe']);
    expect(rows.find((r) => r[1] === 'Transfert 3')?.slice(2, 4)).toEqual([
      'AWS Francfort (accès à distance) — États-Unis — Clauses contractuelles types (2021/914, module 2) — statut : à vérifier',
      'Déduit du graphe',
    ]);
    expect(rows.length).toBe(
      1 + cnilRegisterWorkbook(clinicFacts(), AS_OF).sheets.find((s) => s.key === 'patients')!.rows.length,
    );
  });
});
