import type { ComplianceFacts } from '@cartographer/compliance';

/**
 * The facts of the 1M-field benchmark organisation, shared by bench-compliance-rules and bench-risks:
 * 40 sources x 50 datasets x 500 fields (one finding each), 400 activities of 10 datasets, 20 servers,
 * 50 recipients, 200 flows.
 */
export function benchComplianceFacts(): ComplianceFacts {
  const cats = ['IDENTITY', 'CONTACT', 'FINANCIAL', 'ONLINE_ID', 'HEALTH'];
  const sources = Array.from({ length: 40 }, (_, s) => ({
    key: `src${s}`,
    name: `Source ${s}`,
    department: 'd',
    servers: [`srv${s % 20}`],
    datasets: Array.from({ length: 50 }, (_, d) => ({
      key: `ds${s}_${d}`,
      name: `Table ${d}`,
      volume: { records: 1000 * (d + 1) },
      fields: Array.from({ length: 500 }, (_, f) => ({
        name: `col${f}`,
        findings: [
          {
            category: cats[f % 5]!,
            specialCategory: f % 5 === 4 ? 'HEALTH' : null,
            tier: 'DIRECT_IDENTIFIER' as const,
            status: 'CONFIRMED' as const,
            origin: 'SCAN' as const,
          },
        ],
      })),
    })),
  }));
  const countries = ['FR', 'US', 'DE', 'IN', 'CA'];
  return {
    organisation: { key: 'bench', name: 'Bench', country: 'FR', staffCount: 500 },
    servers: Array.from({ length: 20 }, (_, i) => ({
      key: `srv${i}`,
      name: `Server ${i}`,
      provider: i % 2 ? 'Amazon Web Services' : 'OVHcloud',
      hosting: 'CLOUD' as const,
      country: countries[i % 5]!,
    })),
    recipients: Array.from({ length: 50 }, (_, i) => ({
      key: `r${i}`,
      name: `R ${i}`,
      role: 'PROCESSOR' as const,
      country: countries[i % 5]!,
      safeguard: 'NONE' as const,
    })),
    sources,
    processingActivities: Array.from({ length: 400 }, (_, a) => ({
      key: `a${a}`,
      name: `Activity ${a}`,
      department: 'd',
      purposes: [`Purpose ${a % 7}`],
      legalBases: ['CONTRACT'],
      dataSubjectCategories: ['Clients'],
      personalDataCategories: ['Identité'],
      recipients: [`r${a % 50}`, `r${(a + 1) % 50}`],
      datasets: Array.from({ length: 10 }, (_, k) => `ds${(a + k) % 40}_${(a * 3 + k) % 50}`),
      retention: '3 ans',
      securityMeasures: ['x'],
    })),
    flows: Array.from({ length: 200 }, (_, i) => ({
      key: `f${i}`,
      from: `ds${i % 40}_${i % 50}`,
      to: `ds${(i + 1) % 40}_${i % 50}`,
    })),
  };
}
