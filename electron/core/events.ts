import type { BackendEvent } from '../../shared/contract';

/** Events for every window (job progress). Transports subscribe and forward. */
export class EventBus {
  private readonly listeners = new Set<(event: BackendEvent) => void>();

  on(listener: (event: BackendEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: BackendEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A failing transport must not stop the others.
      }
    }
  }
}
