/**
 * Fonts for scripts a ministry laptop may lack, served from the portal's own origin
 * (@fontsource's woff2 files, bundled by Vite as hashed assets; the CSP has font-src
 * 'self'). Each loads only with its language: the first page's CSS and JavaScript carry
 * none of them, so English users never download them. styles.css names each family for
 * its `:lang()`.
 */
const FONTS: Record<string, () => Promise<unknown>> = {
  // Urdu is written in Nastaliq; the Arabic subset only (Latin text keeps the portal's font).
  ur: () =>
    Promise.all([
      import('@fontsource/noto-nastaliq-urdu/arabic-400.css'),
      import('@fontsource/noto-nastaliq-urdu/arabic-700.css'),
    ]),
  // Dhivehi (Thaana), for when the portal has a Dhivehi catalogue.
  dv: () =>
    Promise.all([
      import('@fontsource/noto-sans-thaana/thaana-400.css'),
      import('@fontsource/noto-sans-thaana/thaana-700.css'),
    ]),
};

const loading = new Map<string, Promise<void>>();

/** Loads the stylesheet of a language's font (once); resolves at once for the others. */
export function loadFont(language: string): Promise<void> {
  const base = language.split('-')[0]?.toLowerCase() ?? '';
  const load = FONTS[base];
  if (!load) return Promise.resolve();
  let promise = loading.get(base);
  if (!promise) {
    promise = load().then(
      () => undefined,
      (error: unknown) => {
        loading.delete(base); // a failed load (offline) is tried again next time
        throw error;
      },
    );
    loading.set(base, promise);
  }
  return promise;
}

/** The languages that bring a font of their own (for tests). */
export const LANGUAGES_WITH_FONTS: readonly string[] = Object.keys(FONTS);
