import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The only fonts the reports use, shipped by npm packages under the SIL Open Font License 1.1
 * (see each package's LICENSE_FONT): IBM Plex Sans for text, IBM Plex Mono for codes and hashes.
 * The PDF names these families only, with font fallback off; the HTML names them first.
 */
export const REPORT_FONT_FAMILIES = { text: 'IBM Plex Sans', mono: 'IBM Plex Mono' } as const;

export const REPORT_FONT_FILES: readonly { package: string; file: string }[] = [
  { package: '@expo-google-fonts/ibm-plex-sans', file: '400Regular/IBMPlexSans_400Regular.ttf' },
  { package: '@expo-google-fonts/ibm-plex-sans', file: '400Regular_Italic/IBMPlexSans_400Regular_Italic.ttf' },
  { package: '@expo-google-fonts/ibm-plex-sans', file: '600SemiBold/IBMPlexSans_600SemiBold.ttf' },
  { package: '@expo-google-fonts/ibm-plex-sans', file: '700Bold/IBMPlexSans_700Bold.ttf' },
  { package: '@expo-google-fonts/ibm-plex-sans', file: '700Bold_Italic/IBMPlexSans_700Bold_Italic.ttf' },
  { package: '@expo-google-fonts/ibm-plex-mono', file: '400Regular/IBMPlexMono_400Regular.ttf' },
  { package: '@expo-google-fonts/ibm-plex-mono', file: '700Bold/IBMPlexMono_700Bold.ttf' },
];

const require = createRequire(import.meta.url);

/** The font files' bytes, in a fixed order (the compiler's font book is built from them). */
export function loadReportFonts(): Buffer[] {
  return REPORT_FONT_FILES.map((font) => {
    const root = dirname(require.resolve(`${font.package}/package.json`));
    return readFileSync(join(root, font.file));
  });
}
