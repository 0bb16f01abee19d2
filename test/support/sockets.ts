import { io, Socket } from 'socket.io-client';

/** Connects to a Socket.IO namespace of the app (WebSocket only), with an access token when given. */
export async function connectSocket(baseUrl: string, namespace: string, accessToken?: string): Promise<Socket> {
  const socket = io(`${baseUrl}${namespace}`, {
    transports: ['websocket'],
    forceNew: true,
    ...(accessToken ? { auth: { token: accessToken } } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}
