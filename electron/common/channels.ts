// IPC names that code with no use for the schemas needs (the preload): kept apart from contract.ts so that
// importing them does not bundle zod and the config schemas into the sandboxed preload.

/** The IPC channel Electron uses for pushed events (one channel, discriminated payload). */
export const EVENT_CHANNEL = 'lab:event' as const;
