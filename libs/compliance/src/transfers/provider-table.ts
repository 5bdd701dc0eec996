import type { CountryCode } from '../jurisdictions/iso-3166.js';

/*
 * Hosting providers whose parent company is subject to a third country's law with extraterritorial
 * reach: hosting in the EEA by such a provider is not a Chapter V transfer by itself, but the
 * provider may be compelled to disclose the data, a risk EDPB Guidelines 05/2021 ask exporters to
 * take into account even without a transfer (and which ANSSI's SecNumCloud qualification excludes
 * by requiring immunity from non-EU law). Reported apart from the transfer status.
 *
 * Every entry names its source. Users extend or correct the table through `facts.providers`.
 */

export const PROVIDER_TABLE_META = Object.freeze({
  version: '2026-12-03',
  asOf: '2026-12-03',
  checked:
    'Parents and their countries from the providers\u2019 own legal notices and annual reports as known on ' +
    '2026-12-03 (not re-read live); the US laws from the CLOUD Act text quoted by DLA Piper and WilmerHale ' +
    '(March 2018) and 50 U.S.C. § 1881a; the Chinese law from its article 7. See docs/compliance.md.',
});

export interface ExtraterritorialLaw {
  id: string;
  country: CountryCode;
  title: string;
  reference: string;
  date: string;
  url: string;
}

/** Third-country laws that reach data held abroad by providers under that country's jurisdiction. */
export const EXTRATERRITORIAL_LAWS: readonly ExtraterritorialLaw[] = Object.freeze([
  {
    id: 'US_CLOUD_ACT',
    country: 'US',
    title: 'Clarifying Lawful Overseas Use of Data Act (CLOUD Act)',
    reference: 'Pub. L. 115-141, div. V, § 103(a), codified at 18 U.S.C. § 2713',
    date: '2018-03-23',
    url: 'https://www.law.cornell.edu/uscode/text/18/2713',
  },
  {
    id: 'US_FISA_702',
    country: 'US',
    title: 'Foreign Intelligence Surveillance Act, section 702',
    reference: '50 U.S.C. § 1881a (reauthorised by the Reforming Intelligence and Securing America Act, 20 April 2024)',
    date: '2008-07-10',
    url: 'https://www.law.cornell.edu/uscode/text/50/1881a',
  },
  {
    id: 'CN_NATIONAL_INTELLIGENCE_LAW',
    country: 'CN',
    title: 'National Intelligence Law of the People\u2019s Republic of China, article 7',
    reference: 'Adopted 27 June 2017, amended 27 April 2018',
    date: '2017-06-27',
    url: 'http://www.npc.gov.cn/',
  },
]);

export interface ProviderEntry {
  name: string;
  aliases: readonly string[];
  parent: string;
  parentCountry: CountryCode;
  source: string;
}

/** Well-known providers, as of PROVIDER_TABLE_META.asOf. */
export const PROVIDER_TABLE: readonly ProviderEntry[] = Object.freeze([
  {
    name: 'Amazon Web Services',
    aliases: ['AWS', 'Amazon Web Services EMEA SARL', 'Amazon'],
    parent: 'Amazon.com, Inc.',
    parentCountry: 'US',
    source: 'Amazon.com, Inc. Form 10-K (Delaware corporation, Seattle); AWS EMEA SARL is its Luxembourg subsidiary',
  },
  {
    name: 'Microsoft Azure',
    aliases: ['Microsoft', 'Azure', 'Microsoft 365', 'Microsoft Ireland Operations Limited'],
    parent: 'Microsoft Corporation',
    parentCountry: 'US',
    source: 'Microsoft Corporation Form 10-K (Washington corporation, Redmond)',
  },
  {
    name: 'Google Cloud',
    aliases: ['Google', 'GCP', 'Google Cloud Platform', 'Google Workspace', 'Google Cloud EMEA Limited'],
    parent: 'Alphabet Inc.',
    parentCountry: 'US',
    source: 'Alphabet Inc. Form 10-K (Delaware corporation, Mountain View)',
  },
  {
    name: 'Oracle Cloud',
    aliases: ['Oracle', 'OCI', 'Oracle Cloud Infrastructure'],
    parent: 'Oracle Corporation',
    parentCountry: 'US',
    source: 'Oracle Corporation Form 10-K (Delaware corporation, Austin)',
  },
  {
    name: 'IBM Cloud',
    aliases: ['IBM'],
    parent: 'International Business Machines Corporation',
    parentCountry: 'US',
    source: 'IBM Form 10-K (New York corporation, Armonk)',
  },
  {
    name: 'Salesforce',
    aliases: ['Salesforce.com', 'Slack', 'Tableau'],
    parent: 'Salesforce, Inc.',
    parentCountry: 'US',
    source: 'Salesforce, Inc. Form 10-K (Delaware corporation, San Francisco)',
  },
  {
    name: 'OVHcloud',
    aliases: ['OVH', 'OVH SAS', 'OVHcloud SAS'],
    parent: 'OVH Groupe SA',
    parentCountry: 'FR',
    source: 'OVH Groupe universal registration document (French société anonyme, Roubaix)',
  },
  {
    name: 'Scaleway',
    aliases: ['Scaleway SAS', 'Online SAS'],
    parent: 'Iliad SA',
    parentCountry: 'FR',
    source: 'Iliad group annual report (French société anonyme, Paris)',
  },
  {
    name: '3DS Outscale',
    aliases: ['Outscale'],
    parent: 'Dassault Systèmes SE',
    parentCountry: 'FR',
    source: 'Dassault Systèmes universal registration document (European company, Vélizy-Villacoublay)',
  },
  {
    name: 'Hetzner',
    aliases: ['Hetzner Online', 'Hetzner Online GmbH'],
    parent: 'Hetzner Online GmbH',
    parentCountry: 'DE',
    source: 'Hetzner Online GmbH imprint (Gunzenhausen, Germany)',
  },
  {
    name: 'IONOS',
    aliases: ['1&1 IONOS', 'IONOS SE'],
    parent: 'IONOS Group SE',
    parentCountry: 'DE',
    source: 'IONOS Group SE annual report (European company, Montabaur)',
  },
  {
    name: 'Alibaba Cloud',
    aliases: ['Alibaba', 'Aliyun'],
    parent: 'Alibaba Group Holding Limited',
    parentCountry: 'CN',
    source:
      'Alibaba Group annual report (Form 20-F): incorporated in the Cayman Islands, operated from Hangzhou; PRC law applies to its operations',
  },
  {
    name: 'Tencent Cloud',
    aliases: ['Tencent'],
    parent: 'Tencent Holdings Limited',
    parentCountry: 'CN',
    source: 'Tencent Holdings annual report (Cayman Islands holding, Shenzhen operations)',
  },
  {
    name: 'Huawei Cloud',
    aliases: ['Huawei'],
    parent: 'Huawei Investment & Holding Co., Ltd.',
    parentCountry: 'CN',
    source: 'Huawei annual report (Shenzhen)',
  },
]);
