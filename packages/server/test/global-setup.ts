import { fileURLToPath } from 'node:url';

/** Bundle the server before the tests that spawn it, so they always drive what ships. */
export default async function setup(): Promise<void> {
  const script = fileURLToPath(new URL('../scripts/bundle.mjs', import.meta.url));
  const { bundleServer } = (await import(script)) as { bundleServer: (o?: object) => Promise<unknown> };
  await bundleServer();
}
