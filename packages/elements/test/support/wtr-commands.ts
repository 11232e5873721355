// Browser side of web-test-runner server commands, without @web/test-runner-commands (not a
// root dependency): the same websocket message its `executeServerCommand` sends.
const WEB_SOCKET_MODULE = '/__web-dev-server__web-socket.js';

interface CommandResponse {
  readonly executed?: boolean;
  readonly error?: string;
  readonly result?: unknown;
}

export async function serverCommand<T = unknown>(command: string, payload?: unknown): Promise<T> {
  const sessionId = new URL(location.href).searchParams.get('wtr-session-id');
  if (!sessionId) throw new Error('not running under web-test-runner');
  const socket = (await import(/* @vite-ignore */ WEB_SOCKET_MODULE)) as {
    sendMessageWaitForResponse(message: unknown): Promise<CommandResponse>;
  };
  const response = await socket.sendMessageWaitForResponse({ type: 'wtr-command', sessionId, command, payload });
  if (!response.executed) throw new Error(`server command ${command} is not registered`);
  if (response.error) throw new Error(`server command ${command}: ${response.error}`);
  return response.result as T;
}

/** Saves docs/screenshots/<name>.png (test-support/wtr/screenshot-command.mjs). */
export const screenshot = (name: string, width = 480, height = 800): Promise<boolean> => serverCommand('huoti-screenshot', { name, width, height });

/** Real key presses through the browser (web-test-runner's built-in send-keys command). */
export const pressKey = (key: string): Promise<void> => serverCommand('send-keys', { press: key });

/** Media emulation (web-test-runner's built-in emulate-media command). */
export const emulateMedia = (media: { reducedMotion?: 'reduce' | 'no-preference' }): Promise<void> => serverCommand('emulate-media', media);
