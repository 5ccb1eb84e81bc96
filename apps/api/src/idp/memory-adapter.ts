import type { Adapter, AdapterPayload } from 'oidc-provider';

/**
 * Per-instance in-memory storage adapter for oidc-provider.
 *
 * oidc-provider's built-in MemoryAdapter works too, but it logs a "MUST change"
 * warning on every start. This one is equally volatile (everything is lost on
 * restart, nothing is shared between processes), is scoped to one provider
 * instance, and can be cleared on close.
 */

interface Entry {
  value: unknown;
  /** epoch ms; Infinity = no expiry */
  expiresAt: number;
}

const GRANTABLE = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
  'PreAuthorizedCode',
]);

const SWEEP_EVERY_WRITES = 200;

export class MemoryStore {
  readonly #entries = new Map<string, Entry>();
  #writes = 0;

  get(key: string): unknown {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: unknown, expiresInSeconds?: number): void {
    const expiresAt =
      typeof expiresInSeconds === 'number' ? Date.now() + expiresInSeconds * 1000 : Infinity;
    this.#entries.set(key, { value, expiresAt });
    this.#writes += 1;
    if (this.#writes % SWEEP_EVERY_WRITES === 0) this.sweep();
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#entries.delete(key);
    }
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}

const grantKey = (grantId: string) => `grant:${grantId}`;
const sessionUidKey = (uid: string) => `sessionUid:${uid}`;
const userCodeKey = (userCode: string) => `userCode:${userCode}`;

class MemoryAdapter implements Adapter {
  readonly #model: string;
  readonly #store: MemoryStore;

  constructor(model: string, store: MemoryStore) {
    this.#model = model;
    this.#store = store;
  }

  #key(id: string): string {
    return `${this.#model}:${id}`;
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn: number | undefined): Promise<void> {
    const key = this.#key(id);
    const previous = this.#store.get(key) as AdapterPayload | undefined;
    if (previous) this.#removeSecondaryIndexes(id, previous);
    this.#store.set(key, structuredClone(payload), expiresIn);

    if (this.#model === 'Session' && typeof payload.uid === 'string') {
      this.#store.set(sessionUidKey(payload.uid), id, expiresIn);
    }
    if (typeof payload.userCode === 'string') {
      this.#store.set(userCodeKey(payload.userCode), id, expiresIn);
    }
    if (GRANTABLE.has(this.#model) && typeof payload.grantId === 'string') {
      const gk = grantKey(payload.grantId);
      const members = (this.#store.get(gk) as Set<string> | undefined) ?? new Set<string>();
      members.add(key);
      // Grant membership lists outlive their members; stale keys are harmless.
      this.#store.set(gk, members);
    }
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.#store.get(this.#key(id)) as AdapterPayload | undefined;
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const id = this.#store.get(sessionUidKey(uid));
    return typeof id === 'string' ? this.find(id) : undefined;
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    const id = this.#store.get(userCodeKey(userCode));
    return typeof id === 'string' ? this.find(id) : undefined;
  }

  async consume(id: string): Promise<void> {
    const payload = this.#store.get(this.#key(id)) as AdapterPayload | undefined;
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    const key = this.#key(id);
    const previous = this.#store.get(key) as AdapterPayload | undefined;
    if (previous) this.#removeSecondaryIndexes(id, previous);
    this.#store.delete(key);
  }

  #removeSecondaryIndexes(id: string, payload: AdapterPayload): void {
    if (
      this.#model === 'Session' &&
      typeof payload.uid === 'string' &&
      this.#store.get(sessionUidKey(payload.uid)) === id
    ) {
      this.#store.delete(sessionUidKey(payload.uid));
    }
    if (
      typeof payload.userCode === 'string' &&
      this.#store.get(userCodeKey(payload.userCode)) === id
    ) {
      this.#store.delete(userCodeKey(payload.userCode));
    }
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    const gk = grantKey(grantId);
    const members = this.#store.get(gk) as Set<string> | undefined;
    for (const key of members ?? []) this.#store.delete(key);
    this.#store.delete(gk);
  }
}

/** Returns an oidc-provider `adapter` factory bound to `store`. */
export function memoryAdapterFactory(store: MemoryStore): (model: string) => Adapter {
  return (model: string) => new MemoryAdapter(model, store);
}
