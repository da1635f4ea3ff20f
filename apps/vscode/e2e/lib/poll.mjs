/**
 * Poll `check` until it returns a truthy value; never sleep blindly, never wait forever.
 *
 * @template T
 * @param {() => T | Promise<T>} check Returns the awaited value, or something falsy to try again.
 * @param {{timeoutMs?: number, intervalMs?: number, what?: string}} [options]
 *   `timeoutMs`: give up after this long (default 30 s); `intervalMs`: pause between tries (default 250 ms);
 *   `what`: what we wait for, for the error message.
 * @returns {Promise<NonNullable<T>>}
 */
export async function poll(check, options) {
  const timeoutMs = options?.timeoutMs ?? 30_000;
  const intervalMs = options?.intervalMs ?? 250;
  const what = options?.what ?? 'a condition';
  const deadline = Date.now() + timeoutMs;
  /** @type {unknown} */
  let lastError;
  for (;;) {
    try {
      const value = await check();
      if (value) return /** @type {NonNullable<T>} */ (value);
    } catch (error) {
      lastError = error;
      if (error instanceof Error && /exited early/.test(error.message)) throw error;
    }
    if (Date.now() >= deadline) {
      const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Expected ${what} within ${timeoutMs} ms, not a timeout${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Whether a Playwright wait or click settles without error: a timeout or a failure is false, not thrown.
 *
 * @param {Promise<unknown>} action
 * @returns {Promise<boolean>}
 */
export function succeeds(action) {
  return action.then(
    () => true,
    () => false,
  );
}
