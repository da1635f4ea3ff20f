/**
 * A map whose values arrive as JSON text and are parsed on first access: a corpus built in a worker thread hands
 * its per-article annotations over as strings, which cross threads cheaply, and only the articles a request
 * touches are ever parsed on the server's thread.
 */
export class LazyJsonMap<V> extends Map<string, V> {
  readonly #raw: Map<string, string | null>;

  constructor(raw: Iterable<[string, string]>) {
    super();
    this.#raw = new Map(raw);
  }

  override get(key: string): V | undefined {
    if (!super.has(key)) {
      const text = this.#raw.get(key);
      if (text === undefined || text === null) return undefined;
      super.set(key, JSON.parse(text) as V);
      this.#raw.set(key, null);
    }
    return super.get(key);
  }

  override has(key: string): boolean {
    return this.#raw.has(key);
  }

  override set(key: string, value: V): this {
    super.set(key, value);
    if (!this.#raw.has(key)) this.#raw.set(key, null);
    return this;
  }

  override delete(key: string): boolean {
    super.delete(key);
    return this.#raw.delete(key);
  }

  override clear(): void {
    super.clear();
    this.#raw.clear();
  }

  override get size(): number {
    return this.#raw.size;
  }

  override keys(): MapIterator<string> {
    return this.#raw.keys();
  }

  override *values(): MapIterator<V> {
    for (const key of this.#raw.keys()) yield this.get(key) as V;
  }

  override *entries(): MapIterator<[string, V]> {
    for (const key of this.#raw.keys()) yield [key, this.get(key) as V];
  }

  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  override forEach(callback: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}
